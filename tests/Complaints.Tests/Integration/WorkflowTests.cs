using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tinjau.Complaints.Tests.Support;

namespace Tinjau.Complaints.Tests.Integration;

[Collection(ComplaintsCollection.Name)]
public sealed class WorkflowTests(ComplaintsFixture fx)
{
    private static readonly Guid Kwitang = InMemoryUnitRegistry.Kwitang;

    [Fact]
    public async Task A_complaint_goes_from_Menunggu_to_Selesai_and_is_rated()
    {
        var filed = await fx.Anonymous().FileAsync();
        var admin = fx.Admin();
        var staff = fx.As("unit-staff", Kwitang, "petugas-kwitang");
        var id = filed.Id;

        // Kwitang staff already see it (located there), but may not verify.
        Assert.Equal(403, (int)(await staff.PostJsonAsync($"/api/complaints/{id}/verify")).StatusCode);

        var verified = await (await admin.PostJsonAsync($"/api/complaints/{id}/verify", new { note = "lengkap" })).OkJsonAsync();
        Assert.Equal("Koordinasi", verified.Str("status"));

        var disposed = await (await admin.PostJsonAsync($"/api/complaints/{id}/dispose", new { unitId = Kwitang, reason = "lokasi di Kwitang" })).OkJsonAsync();
        Assert.Equal("Disposisi", disposed.Str("status"));
        Assert.True(disposed.GetProperty("deadlines").GetProperty("followUpDueAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(4));

        Assert.Equal("Proses", (await (await staff.PostJsonAsync($"/api/complaints/{id}/start")).OkJsonAsync()).Str("status"));
        var answered = await (await staff.PostJsonAsync($"/api/complaints/{id}/answer", new { answer = "Lubang sudah ditambal hari ini." })).OkJsonAsync();
        Assert.True(answered.GetProperty("answeredWithinSla").GetBoolean());

        // Only an admin confirms.
        Assert.Equal(403, (int)(await staff.PostJsonAsync($"/api/complaints/{id}/confirm")).StatusCode);
        var confirmed = await (await admin.PostJsonAsync($"/api/complaints/{id}/confirm")).OkJsonAsync();
        Assert.Equal("Selesai", confirmed.Str("status"));
        Assert.Equal(0, confirmed.GetProperty("workingDaysToResolve").GetInt32());

        // The reporter rates with the secret; a wrong secret is refused.
        var anon = fx.Anonymous();
        Assert.Equal(403, (int)(await anon.PostJsonAsync($"/api/complaints/track/{filed.TrackingNumber}/rate", new { rating = 5, secret = "nope" })).StatusCode);
        Assert.Equal(400, (int)(await anon.PostJsonAsync($"/api/complaints/track/{filed.TrackingNumber}/rate", new { rating = 6, secret = filed.Secret })).StatusCode);
        var rated = await (await anon.PostJsonAsync($"/api/complaints/track/{filed.TrackingNumber}/rate", new { rating = 5, comment = "cepat", secret = filed.Secret })).OkJsonAsync();
        Assert.Equal(5, rated.GetProperty("rating").GetInt32());
        Assert.Equal("Selesai", rated.Str("status"));
        Assert.Equal("Lubang sudah ditambal hari ini.", rated.Str("answer"));
        Assert.Equal(["file", "route", "verify", "dispose", "start", "answer", "confirm", "rate"],
            rated.GetProperty("history").EnumerateArray().Select(h => h.Str("action")));
        Assert.All(rated.GetProperty("history").EnumerateArray(), h => Assert.DoesNotContain("petugas-kwitang", h.GetRawText()));

        // Rating twice is a conflict.
        var twice = await anon.PostJsonAsync($"/api/complaints/track/{filed.TrackingNumber}/rate", new { rating = 1, secret = filed.Secret });
        Assert.Equal(409, (int)twice.StatusCode);

        // Staff history shows who did what.
        var history = await (await admin.GetAsync($"/api/complaints/{id}/history")).OkJsonAsync();
        Assert.Contains(history.EnumerateArray(), h => h.Str("action") == "start" && h.GetProperty("actorUserId").GetString() == "petugas-kwitang");
    }

    [Fact]
    public async Task Forbidden_transitions_are_409_problem_details()
    {
        var filed = await fx.Anonymous().FileAsync();
        var admin = fx.Admin();
        var response = await admin.PostJsonAsync($"/api/complaints/{filed.Id}/confirm");
        var problem = await response.OkJsonAsync(409);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Menunggu", problem.Str("detail"));

        await (await admin.PostJsonAsync($"/api/complaints/{filed.Id}/reject", new { reason = "spam" })).OkJsonAsync();
        Assert.Equal(409, (int)(await admin.PostJsonAsync($"/api/complaints/{filed.Id}/verify")).StatusCode);
        Assert.Equal(409, (int)(await fx.Anonymous().PostJsonAsync($"/api/complaints/track/{filed.TrackingNumber}/reopen",
            new { secret = filed.Secret })).StatusCode);
        Assert.Equal(400, (int)(await admin.PostJsonAsync($"/api/complaints/{filed.Id}/postpone", new { })).StatusCode);
    }

    [Fact]
    public async Task Unit_staff_see_and_act_only_within_their_unit_and_heads_within_their_subtree()
    {
        var filed = await fx.Anonymous().FileAsync();
        var cikiniStaff = fx.As("unit-staff", InMemoryUnitRegistry.Cikini);
        Assert.Equal(404, (int)(await cikiniStaff.GetAsync($"/api/complaints/{filed.Id}")).StatusCode);
        var list = await (await cikiniStaff.GetAsync("/api/complaints?pageSize=200")).OkJsonAsync();
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == filed.Id);

        var camatSenen = fx.As("unit-head", InMemoryUnitRegistry.Senen);
        Assert.Equal(200, (int)(await camatSenen.GetAsync($"/api/complaints/{filed.Id}")).StatusCode);
        var camatMenteng = fx.As("unit-head", InMemoryUnitRegistry.Menteng);
        Assert.Equal(404, (int)(await camatMenteng.GetAsync($"/api/complaints/{filed.Id}")).StatusCode);

        var kwitang = fx.As("unit-staff", Kwitang);
        var mine = await (await kwitang.GetAsync("/api/complaints?status=Menunggu&pageSize=200")).OkJsonAsync();
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == filed.Id);
        Assert.Equal(400, (int)(await kwitang.GetAsync("/api/complaints?status=Bingung")).StatusCode);
    }

    [Fact]
    public async Task Disposing_up_to_a_Sudin_with_coordination_moves_who_sees_it_and_the_reporter_can_reopen()
    {
        var filed = await fx.Anonymous().FileAsync();
        var admin = fx.Admin();
        await (await admin.PostJsonAsync($"/api/complaints/{filed.Id}/verify")).OkJsonAsync();
        var coordinated = await (await admin.PostJsonAsync($"/api/complaints/{filed.Id}/coordinate", new
        {
            responsibleUnitId = InMemoryUnitRegistry.SudinBinaMarga,
            coordinatingUnitIds = new[] { Kwitang },
            note = "jalan kota: Bina Marga dengan kelurahan",
        })).OkJsonAsync();
        Assert.Equal("Koordinasi", coordinated.Str("status"));
        Assert.Equal(InMemoryUnitRegistry.SudinBinaMarga, coordinated.GetProperty("unit").GetProperty("id").GetGuid());

        var sudin = fx.As("unit-staff", InMemoryUnitRegistry.SudinBinaMarga);
        await (await sudin.PostJsonAsync($"/api/complaints/{filed.Id}/dispose", new { reason = "ditangani Sudin" })).OkJsonAsync();
        await (await sudin.PostJsonAsync($"/api/complaints/{filed.Id}/start")).OkJsonAsync();
        await (await sudin.PostJsonAsync($"/api/complaints/{filed.Id}/answer", new { answer = "Dijadwalkan pengaspalan." })).OkJsonAsync();

        var reopened = await (await fx.Anonymous().PostJsonAsync($"/api/complaints/track/{filed.TrackingNumber}/reopen",
            new { reason = "belum dikerjakan", secret = filed.Secret })).OkJsonAsync();
        Assert.Equal("Proses", reopened.Str("status"));
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("answeredAt").ValueKind);

        // The coordinating kelurahan still sees it, but the responsible Sudin acts.
        var kwitang = fx.As("unit-staff", Kwitang);
        Assert.Equal(200, (int)(await kwitang.GetAsync($"/api/complaints/{filed.Id}")).StatusCode);
        Assert.Equal(403, (int)(await kwitang.PostJsonAsync($"/api/complaints/{filed.Id}/answer", new { answer = "x" })).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_citizen_sees_their_own_complaints_and_rates_without_the_secret()
    {
        var citizen = fx.As("citizen", subject: $"warga-{Guid.NewGuid():N}");
        var filed = await citizen.FileAsync();
        var mine = await (await citizen.GetAsync("/api/complaints")).OkJsonAsync();
        Assert.Equal(filed.Id, Assert.Single(mine.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var own = await (await citizen.GetAsync("/api/complaints?mine=true")).OkJsonAsync();
        Assert.Equal(filed.Id, Assert.Single(own.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        // An officer's own reports are not their unit's inbox: officers file only through citizen accounts.
        var unitFiled = await fx.Anonymous().FileAsync();
        var staff = fx.As("unit-staff", Kwitang, subject: $"staf-{Guid.NewGuid():N}");
        var inbox = await (await staff.GetAsync("/api/complaints?pageSize=200")).OkJsonAsync();
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == unitFiled.Id);
        var staffOwn = await (await staff.GetAsync("/api/complaints?mine=true")).OkJsonAsync();
        Assert.Empty(staffOwn.GetProperty("items").EnumerateArray());
        Assert.Equal(0, staffOwn.GetProperty("total").GetInt32());
        var view = await (await citizen.GetAsync($"/api/complaints/{filed.Id}")).OkJsonAsync();
        Assert.Equal("Siti Rahmawati", view.GetProperty("reporter").Str("name"));

        var admin = fx.Admin();
        await (await admin.PostJsonAsync($"/api/complaints/{filed.Id}/verify")).OkJsonAsync();
        await (await admin.PostJsonAsync($"/api/complaints/{filed.Id}/dispose", new { reason = "lokasi" })).OkJsonAsync();
        await (await admin.PostJsonAsync($"/api/complaints/{filed.Id}/start")).OkJsonAsync();
        await (await admin.PostJsonAsync($"/api/complaints/{filed.Id}/answer", new { answer = "ok" })).OkJsonAsync();
        await (await admin.PostJsonAsync($"/api/complaints/{filed.Id}/confirm")).OkJsonAsync();
        var rated = await (await citizen.PostJsonAsync($"/api/complaints/track/{filed.TrackingNumber}/rate", new { rating = 3 })).OkJsonAsync();
        Assert.Equal(3, rated.GetProperty("rating").GetInt32());
        Assert.Equal(403, (int)(await fx.As("citizen").PostJsonAsync($"/api/complaints/track/{filed.TrackingNumber}/reopen", new { })).StatusCode);
    }
}
