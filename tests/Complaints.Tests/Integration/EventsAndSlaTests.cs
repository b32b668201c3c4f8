using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tinjau.Complaints.Api.Application;
using Tinjau.Complaints.Api.Domain;
using Tinjau.Complaints.Tests.Support;
using Tinjau.Messaging;

namespace Tinjau.Complaints.Tests.Integration;

[Collection(ComplaintsCollection.Name)]
public sealed class EventsAndSlaTests(ComplaintsFixture fx)
{
    private Task<List<OutboxMessage>> EventsOfAsync(Guid complaintId) =>
        fx.WithDbAsync(db => db.Set<OutboxMessage>()
            .FromSqlInterpolated($"SELECT * FROM outbox_messages WHERE payload->>'complaintId' = {complaintId.ToString()}")
            .AsNoTracking().OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).ToListAsync());

    private static string TypeName(OutboxMessage m) => m.MessageType.Split(',')[0].Split('.')[^1];

    [Fact]
    public async Task Every_step_is_written_to_the_outbox_with_the_change_and_published_to_RabbitMQ()
    {
        var filed = await fx.Anonymous().FileAsync();
        var admin = fx.Admin();
        await (await admin.PostJsonAsync($"/api/complaints/{filed.Id}/verify")).OkJsonAsync();
        await (await admin.PostJsonAsync($"/api/complaints/{filed.Id}/dispose", new { reason = "lokasi" })).OkJsonAsync();
        await (await admin.PostJsonAsync($"/api/complaints/{filed.Id}/start")).OkJsonAsync();
        await (await admin.PostJsonAsync($"/api/complaints/{filed.Id}/answer", new { answer = "beres" })).OkJsonAsync();
        await (await admin.PostJsonAsync($"/api/complaints/{filed.Id}/confirm")).OkJsonAsync();
        await (await fx.Anonymous().PostJsonAsync($"/api/complaints/track/{filed.TrackingNumber}/rate", new { rating = 4, secret = filed.Secret })).OkJsonAsync();

        var events = await EventsOfAsync(filed.Id);
        var types = events.Select(TypeName).ToList();
        Assert.Equal("ComplaintFiled", types[0]);
        Assert.Contains("ComplaintRouted", types);
        Assert.Equal(5, types.Count(t => t == "ComplaintStatusChanged"));
        Assert.Single(types, "ComplaintResolved");
        Assert.Single(types, "ComplaintRated");

        var resolved = JsonDocument.Parse(events.Single(e => TypeName(e) == "ComplaintResolved").Payload).RootElement;
        Assert.Equal(InMemoryUnitRegistry.Kwitang, resolved.GetProperty("unitId").GetGuid());
        Assert.True(resolved.GetProperty("answeredWithinSla").GetBoolean());
        Assert.True(resolved.TryGetProperty("workingDaysTaken", out _));

        // The dispatcher publishes them to the broker and marks them sent.
        await Eventually.TrueAsync(async () => (await EventsOfAsync(filed.Id)).All(e => e.SentAt is not null),
            TimeSpan.FromSeconds(30), "the complaint's events to be published");
    }

    [Fact]
    public async Task Reopening_a_rated_complaint_publishes_ComplaintReopened_withdrawing_its_rating_and_SLA_result()
    {
        var filed = await fx.Anonymous().FileAsync();
        var admin = fx.Admin();
        foreach (var step in new[] { "verify", "dispose", "start" })
        {
            await (await admin.PostJsonAsync($"/api/complaints/{filed.Id}/{step}", new { reason = "lokasi" })).OkJsonAsync();
        }
        await (await admin.PostJsonAsync($"/api/complaints/{filed.Id}/answer", new { answer = "beres" })).OkJsonAsync();
        await (await admin.PostJsonAsync($"/api/complaints/{filed.Id}/confirm")).OkJsonAsync();
        await (await fx.Anonymous().PostJsonAsync($"/api/complaints/track/{filed.TrackingNumber}/rate", new { rating = 2, secret = filed.Secret })).OkJsonAsync();
        var reopened = await (await fx.Anonymous().PostJsonAsync($"/api/complaints/track/{filed.TrackingNumber}/reopen",
            new { reason = "belum beres", secret = filed.Secret })).OkJsonAsync();
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("rating").ValueKind);

        var events = await EventsOfAsync(filed.Id);
        var payload = JsonDocument.Parse(Assert.Single(events, e => TypeName(e) == "ComplaintReopened").Payload).RootElement;
        Assert.True(payload.GetProperty("wasResolved").GetBoolean());
        Assert.True(payload.GetProperty("withdrawnWithinSla").GetBoolean());
        Assert.Equal(2, payload.GetProperty("withdrawnRating").GetInt32());
        Assert.Equal(1, payload.GetProperty("reopenCount").GetInt32());
        Assert.Equal(InMemoryUnitRegistry.Kwitang, payload.GetProperty("unitId").GetGuid());
    }

    [Fact]
    public async Task Missed_deadlines_are_recorded_once_escalated_to_the_parent_unit_and_answered_complaints_close_themselves()
    {
        var late = await fx.Anonymous().FileAsync();
        var admin = fx.Admin();
        await (await admin.PostJsonAsync($"/api/complaints/{late.Id}/verify")).OkJsonAsync();
        await (await admin.PostJsonAsync($"/api/complaints/{late.Id}/dispose", new { reason = "lokasi" })).OkJsonAsync();

        var answered = await fx.Anonymous().FileAsync();
        await (await admin.PostJsonAsync($"/api/complaints/{answered.Id}/verify")).OkJsonAsync();
        await (await admin.PostJsonAsync($"/api/complaints/{answered.Id}/dispose", new { reason = "lokasi" })).OkJsonAsync();
        await (await admin.PostJsonAsync($"/api/complaints/{answered.Id}/start")).OkJsonAsync();
        await (await admin.PostJsonAsync($"/api/complaints/{answered.Id}/answer", new { answer = "sudah" })).OkJsonAsync();

        // Before Kecamatan Senen's staff see the late one, it must be escalated to them.
        var senenStaff = fx.As("unit-staff", InMemoryUnitRegistry.Senen);
        Assert.Equal(404, (int)(await senenStaff.GetAsync($"/api/complaints/{late.Id}")).StatusCode);

        var later = DateTimeOffset.UtcNow.AddDays(40);
        var first = await fx.InScopeAsync(sp => sp.GetRequiredService<SlaSweep>().RunOnceAsync(later, CancellationToken.None));
        var second = await fx.InScopeAsync(sp => sp.GetRequiredService<SlaSweep>().RunOnceAsync(later.AddMinutes(1), CancellationToken.None));
        Assert.True(first.Breaches >= 1);

        var breaches = await fx.WithDbAsync(db => db.SlaBreaches.AsNoTracking().Where(b => b.ComplaintId == late.Id).ToListAsync());
        var breach = Assert.Single(breaches);
        Assert.Equal(SlaDeadline.FollowUp, breach.Deadline);
        Assert.Equal(InMemoryUnitRegistry.Senen, breach.EscalatedToUnitId);
        Assert.Single(await EventsOfAsync(late.Id), e => TypeName(e) == "ComplaintSlaBreached");
        Assert.Equal(0, second.Breaches); // nothing new for the same deadlines

        var view = await (await senenStaff.GetAsync($"/api/complaints/{late.Id}")).OkJsonAsync();
        Assert.Equal(InMemoryUnitRegistry.Senen, view.GetProperty("escalatedToUnitId").GetGuid());
        var history = await (await admin.GetAsync($"/api/complaints/{late.Id}/history")).OkJsonAsync();
        Assert.Contains(history.EnumerateArray(), h => h.Str("action") == "sla-breach" && !h.GetProperty("public").GetBoolean());

        var closed = await (await fx.Anonymous().GetAsync($"/api/complaints/track/{answered.TrackingNumber}")).OkJsonAsync();
        Assert.Equal("Selesai", closed.Str("status"));
        Assert.Equal("auto-close", closed.GetProperty("history").EnumerateArray().Last().Str("action"));
        var resolved = (await EventsOfAsync(answered.Id)).Single(e => TypeName(e) == "ComplaintResolved");
        Assert.True(JsonDocument.Parse(resolved.Payload).RootElement.GetProperty("closedAutomatically").GetBoolean());
    }
}
