using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tinjau.Evaluations.Api.Data;
using Tinjau.Evaluations.Contracts;
using Tinjau.Messaging;

namespace Tinjau.Evaluations.Tests.Integration;

[Collection(IntegrationCollection.Name)]
public class EvaluationFlowTests(EvaluationsAppFixture app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A cycle for Kelurahan Kwitang: F01 (with a document) → return and resubmit → F02 (all 4) → verification (K1 → 5) →
    /// F03 (10 respondents, all 5) → recommendations → berita acara → signatures → EvaluationFinalized published.
    /// Instrument index: kebijakan 0.2 × (5 + 4 × 4) = 4.2 → 0.24 × 4.2 = 1.008; the other aspects 0.76 × 4 = 3.04;
    /// together 4.048 → 4.05. Final: 0.9 × 4.048 + 0.1 × 5 = 4.1432 → 4.14, category A- (Sangat Baik).
    /// </summary>
    [Fact]
    public async Task A_full_cycle_ends_with_a_signed_berita_acara_and_EvaluationFinalized_published()
    {
        var kwitang = app.Units.Add("31.71.05.1002", "Kwitang");
        var bus = app.Factory.Services.GetRequiredService<IBus>();
        var finalized = new System.Collections.Concurrent.ConcurrentBag<EvaluationFinalized>();
        var handle = bus.ConnectReceiveEndpoint("evaluations-tests-finalized", e => e.Handler<EvaluationFinalized>(ctx =>
        {
            finalized.Add(ctx.Message);
            return Task.CompletedTask;
        }));
        await handle.Ready;

        using var lead = app.ClientFor("evaluator", subject: "lead-1");
        using var member = app.ClientFor("evaluator", subject: "member-1");
        using var verifier = app.ClientFor("evaluator", subject: "verifier-1");
        using var staff = app.ClientFor("unit-staff", kwitang.Id);
        using var lurah = app.ClientFor("unit-head", kwitang.Id, subject: "lurah-kwitang");

        var cycle = await lead.PostAsJsonAsync("/api/evaluations/cycles", new
        {
            year = 2026,
            name = "PEKPPP Jakarta Pusat 2026",
            schedule = new { f01Opens = "2026-03-02", f01Due = "2026-03-20", verificationFrom = "2026-05-04", verificationTo = "2026-05-08" },
        }).OkJsonAsync(HttpStatusCode.Created);
        Assert.Equal("PEKPPP v1", cycle.GetProperty("instrument").GetString());
        var evaluation = await lead.PostAsJsonAsync($"/api/evaluations/cycles/{cycle.GetProperty("id")}/units", new
        {
            unitId = kwitang.Id,
            team = new[]
            {
                new { subjectId = "lead-1", name = "Ketua Tim", role = "lead" },
                new { subjectId = "member-1", name = "Anggota Tim", role = "member" },
                new { subjectId = "verifier-1", name = "Verifikator", role = "verifier" },
            },
        }).OkJsonAsync(HttpStatusCode.Created);
        var id = evaluation.GetProperty("id").GetGuid();
        var url = $"/api/evaluations/{id}";

        // F01 with a document whose SHA-256 is recorded
        var bytes = "%PDF-1.4\nSK Standar Pelayanan Kelurahan Kwitang"u8.ToArray();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "sk-standar-pelayanan.pdf");
        var document = await staff.PostAsync($"{url}/documents", form).OkJsonAsync(HttpStatusCode.Created);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), document.GetProperty("sha256").GetString());

        var f01 = await staff.GetAsync($"{url}/f01").OkJsonAsync();
        var codes = f01.GetProperty("aspects").EnumerateArray().SelectMany(a => a.GetProperty("indicators").EnumerateArray())
            .Select(i => i.GetProperty("code").GetString()!).ToList();
        Assert.Equal(30, codes.Count);
        foreach (var code in codes)
        {
            await staff.PutAsJsonAsync($"{url}/f01/{code}", new
            {
                selfScore = 4,
                note = "Bukti terlampir",
                links = code == "K1" ? new[] { new { url = "https://kwitang.example.go.id/standar", title = "Standar pelayanan" } } : null,
                documentIds = code == "K1" ? new[] { document.GetProperty("id").GetGuid() } : null,
            }).OkJsonAsync();
        }
        await staff.PostAsync($"{url}/f01/submit", null).OkJsonAsync();
        await staff.PutAsJsonAsync($"{url}/f01/K1", new { selfScore = 5 }).StatusAsync(HttpStatusCode.Conflict); // locked

        // returned for revision, edited and resubmitted
        await lead.PostAsJsonAsync($"{url}/f01/return", new { reason = "Lampirkan SK penetapan" }).OkJsonAsync();
        await staff.PutAsJsonAsync($"{url}/f01/K1", new { selfScore = 5, documentIds = new[] { document.GetProperty("id").GetGuid() } }).OkJsonAsync();
        var resubmitted = await staff.PostAsync($"{url}/f01/submit", null).OkJsonAsync();
        Assert.Equal(2, resubmitted.GetProperty("submissions").GetInt32());

        // F02 by a team member; a unit cannot score itself in an external evaluation
        await staff.PutAsJsonAsync($"{url}/f02/K1", new { score = 4 }).StatusAsync(HttpStatusCode.Forbidden);
        foreach (var code in codes)
        {
            await member.PutAsJsonAsync($"{url}/f02/{code}", new { score = 4, notes = "Sesuai bukti", fieldObservation = "Loket buka 08.00" }).OkJsonAsync();
        }
        var f02 = await member.GetAsync($"{url}/f02").OkJsonAsync();
        Assert.Equal(2026, f02.GetProperty("platformEvidence").GetProperty("year").GetInt32());
        await member.PostAsync($"{url}/f02/complete", null).OkJsonAsync();

        // verifier adjusts K1 with a reason; a plain member cannot verify
        await member.PutAsJsonAsync($"{url}/verification/K1", new { score = 5, reason = "x" }).StatusAsync(HttpStatusCode.Forbidden);
        await verifier.PutAsJsonAsync($"{url}/verification/K1", new { score = 5 }).StatusAsync(HttpStatusCode.BadRequest);
        await verifier.PutAsJsonAsync($"{url}/verification/K1", new { score = 5, reason = "Monev berkala terbukti" }).OkJsonAsync();

        // F03: ten invitations, one answer each; a reused token is refused
        var invitations = await lead.PostAsJsonAsync($"{url}/f03/invitations", new { count = 10 }).OkJsonAsync();
        var tokens = invitations.EnumerateArray().Select(i => i.GetProperty("token").GetString()!).ToList();
        var answers = new Dictionary<string, int> { ["Q1"] = 5, ["Q2"] = 5, ["Q3"] = 5, ["Q4"] = 5, ["Q5"] = 5, ["Q6"] = 5, ["Q7"] = 5, ["Q8"] = 5 };
        var questionnaire = await app.Anonymous.GetAsync($"/api/evaluations/f03/{tokens[0]}").OkJsonAsync();
        Assert.Equal("Kwitang", questionnaire.GetProperty("unitName").GetString());
        foreach (var token in tokens)
        {
            await app.Anonymous.PostAsJsonAsync($"/api/evaluations/f03/{token}", new { answers }).StatusAsync(HttpStatusCode.Created);
        }
        await app.Anonymous.PostAsJsonAsync($"/api/evaluations/f03/{tokens[3]}", new { answers }).StatusAsync(HttpStatusCode.Conflict);

        var index = await lead.GetAsync($"{url}/index").OkJsonAsync();
        Assert.Equal(4.05m, index.GetProperty("instrumentIpp").GetDecimal());
        Assert.Equal(4.14m, index.GetProperty("ipp").GetDecimal());
        Assert.True(index.GetProperty("f03Applied").GetBoolean());
        Assert.Equal("A-", index.GetProperty("category").GetProperty("code").GetString());
        Assert.Equal(4.2m, index.GetProperty("aspects")[0].GetProperty("score").GetDecimal());
        // The parts shown give the figures shown.
        var contributions = index.GetProperty("aspects").EnumerateArray().Sum(a => a.GetProperty("contribution").GetDecimal());
        var instrumentIndex = index.GetProperty("instrumentIndex").GetDecimal();
        Assert.Equal(instrumentIndex, contributions);
        Assert.Equal(4.05m, Math.Round(instrumentIndex, 2, MidpointRounding.AwayFromZero));
        var share = index.GetProperty("f03Share").GetDecimal();
        Assert.Equal(4.14m, Math.Round((1 - share) * instrumentIndex + share * index.GetProperty("f03Score").GetDecimal(), 2, MidpointRounding.AwayFromZero));

        // recommendations: one due in five working days, one long overdue (flagged once by the sweep)
        await lead.PostAsJsonAsync($"{url}/recommendations", new { text = "Libatkan masyarakat dalam penyusunan standar", aspectCode = "kebijakan", dueInWorkingDays = 5 })
            .OkJsonAsync(HttpStatusCode.Created);
        var overdue = await lead.PostAsJsonAsync($"{url}/recommendations", new { text = "Sediakan ruang laktasi", aspectCode = "sarana-prasarana", dueOn = "2026-01-05" })
            .OkJsonAsync(HttpStatusCode.Created);
        var overdueId = overdue.GetProperty("id").GetGuid();

        // berita acara, printable, then the signatures
        var ba = await lead.PostAsync($"{url}/berita-acara", null).OkJsonAsync();
        var sha = ba.GetProperty("sha256").GetString()!;
        Assert.Equal(2, ba.GetProperty("document").GetProperty("recommendations").GetArrayLength());
        using (var print = await lead.GetAsync($"{url}/berita-acara/print"))
        {
            Assert.Equal("text/html", print.Content.Headers.ContentType?.MediaType);
            var html = await print.Content.ReadAsStringAsync();
            Assert.Contains("BERITA ACARA", html);
            Assert.Contains(instrumentIndex.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), html);
        }
        await lead.PostAsJsonAsync($"{url}/recommendations", new { text = "late", dueInWorkingDays = 5 }).StatusAsync(HttpStatusCode.Conflict);
        await lead.PostAsJsonAsync($"{url}/berita-acara/sign", new { @as = "lead", documentSha256 = new string('0', 64) }).StatusAsync(HttpStatusCode.Conflict);
        await staff.PostAsJsonAsync($"{url}/berita-acara/sign", new { @as = "head-of-unit", documentSha256 = sha }).StatusAsync(HttpStatusCode.Forbidden);
        // In order: the members, then the lead, then the head of unit; each is told when it is their turn.
        var waiting = await lead.GetAsync($"{url}/berita-acara").OkJsonAsync();
        Assert.Equal(0, waiting.GetProperty("callerMaySignAs").GetArrayLength());
        Assert.Equal(["member"], waiting.GetProperty("required").EnumerateArray().Where(r => r.GetProperty("turn").GetBoolean())
            .Select(r => r.GetProperty("as").GetString()));
        await lead.PostAsJsonAsync($"{url}/berita-acara/sign", new { @as = "lead", documentSha256 = sha }).StatusAsync(HttpStatusCode.Conflict);
        await lurah.PostAsJsonAsync($"{url}/berita-acara/sign", new { @as = "head-of-unit", documentSha256 = sha }).StatusAsync(HttpStatusCode.Conflict);
        Assert.Equal(["member"], (await member.GetAsync($"{url}/berita-acara").OkJsonAsync()).GetProperty("callerMaySignAs").EnumerateArray()
            .Select(r => r.GetString()));
        await member.PostAsJsonAsync($"{url}/berita-acara/sign", new { @as = "member", documentSha256 = sha }).OkJsonAsync();
        Assert.Equal(["lead"], (await lead.GetAsync($"{url}/berita-acara").OkJsonAsync()).GetProperty("callerMaySignAs").EnumerateArray()
            .Select(r => r.GetString()));
        Assert.Equal(0, (await lurah.GetAsync($"{url}/berita-acara").OkJsonAsync()).GetProperty("callerMaySignAs").GetArrayLength());
        await lead.PostAsJsonAsync($"{url}/berita-acara/sign", new { @as = "lead", documentSha256 = sha }).OkJsonAsync();
        Assert.Equal(["head-of-unit"], (await lurah.GetAsync($"{url}/berita-acara").OkJsonAsync()).GetProperty("callerMaySignAs").EnumerateArray()
            .Select(r => r.GetString()));
        await lead.PostAsync($"{url}/berita-acara", null).StatusAsync(HttpStatusCode.Conflict); // immutable once signed
        var signed = await lurah.PostAsJsonAsync($"{url}/berita-acara/sign", new { @as = "head-of-unit", documentSha256 = sha, name = "Lurah Kwitang" }).OkJsonAsync();
        Assert.True(signed.GetProperty("complete").GetBoolean());

        var final = await lead.GetAsync(url).OkJsonAsync();
        Assert.Equal("finalized", final.GetProperty("status").GetString());
        Assert.Equal(4.14m, final.GetProperty("finalIpp").GetDecimal());
        Assert.Equal("A-", final.GetProperty("finalCategory").GetString());

        // EvaluationFinalized: in the outbox, sent, and received from RabbitMQ
        var received = await Eventually.GetAsync(() => finalized.FirstOrDefault(f => f.EvaluationId == id), Wait, "EvaluationFinalized on the bus");
        Assert.Equal((kwitang.Id, 2026, 4.14m, "A-"), (received.UnitId, received.Period, received.Ipp, received.Category));
        Assert.Equal(sha, received.BeritaAcaraSha256);
        await Eventually.TrueAsync(async () =>
        {
            using var scope = app.Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<EvaluationsDbContext>();
            var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType.Contains("EvaluationFinalized")).ToListAsync();
            return rows.Any(r => r.Payload.Contains(id.ToString(), StringComparison.Ordinal) && r.SentAt != null);
        }, Wait, "the outbox row marked sent");

        // the overdue recommendation is flagged once
        await Eventually.TrueAsync(async () =>
        {
            using var scope = app.Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<EvaluationsDbContext>();
            var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType.Contains("RecommendationOverdue")).ToListAsync();
            return rows.Count(r => r.Payload.Contains(overdueId.ToString(), StringComparison.Ordinal)) == 1;
        }, Wait, "RecommendationOverdue in the outbox");
        var mine = await staff.GetAsync($"/api/evaluations/recommendations?overdue=true").OkJsonAsync();
        Assert.Contains(mine.EnumerateArray(), r => r.GetProperty("id").GetGuid() == overdueId && r.GetProperty("overdue").GetBoolean());
        await staff.PostAsJsonAsync($"/api/evaluations/recommendations/{overdueId}/done", new { evidence = "Ruang laktasi tersedia sejak Juni" }).OkJsonAsync();

        // public scorecards show the finished, signed result
        var ranking = await app.Anonymous.GetAsync("/api/evaluations/public/scorecards?year=2026").OkJsonAsync();
        var card = ranking.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("unitId").GetGuid() == kwitang.Id);
        Assert.Equal(4.14m, card.GetProperty("ipp").GetDecimal());
        Assert.Equal(6, card.GetProperty("aspects").GetArrayLength());
        await handle.StopAsync();
    }
}
