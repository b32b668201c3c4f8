using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Tinjau.Complaints.Contracts;
using Tinjau.Inspections.Contracts;

namespace Tinjau.Evaluations.Tests.Integration;

[Collection(IntegrationCollection.Name)]
public class AccessAndInputTests(EvaluationsAppFixture app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private async Task<(Guid EvaluationId, Guid UnitId)> NewEvaluationAsync(string code, string name)
    {
        var unit = app.Units.Add(code, name);
        using var lead = app.ClientFor("evaluator", subject: "lead-" + code);
        var cycle = await lead.PostAsJsonAsync("/api/evaluations/cycles", new { year = 2026, name = "Siklus " + code }).OkJsonAsync(HttpStatusCode.Created);
        var evaluation = await lead.PostAsJsonAsync($"/api/evaluations/cycles/{cycle.GetProperty("id")}/units",
            new { unitId = unit.Id, team = new[] { new { subjectId = "lead-" + code, name = "Ketua", role = "lead" } } }).OkJsonAsync(HttpStatusCode.Created);
        return (evaluation.GetProperty("id").GetGuid(), unit.Id);
    }

    [Fact]
    public async Task Staff_of_another_unit_get_404_for_the_evaluation_and_403_for_unit_data()
    {
        var (id, unitId) = await NewEvaluationAsync("31.71.05.1003", "Kenari");
        var other = app.Units.Add("31.71.05.1004", "Paseban");
        using var outsider = app.ClientFor("unit-staff", other.Id);
        using var own = app.ClientFor("unit-staff", unitId);

        await outsider.GetAsync($"/api/evaluations/{id}").StatusAsync(HttpStatusCode.NotFound);
        await outsider.PutAsJsonAsync($"/api/evaluations/{id}/f01/K1", new { selfScore = 3 }).StatusAsync(HttpStatusCode.NotFound);
        await outsider.GetAsync($"/api/evaluations/evidence/units/{unitId}").StatusAsync(HttpStatusCode.Forbidden);
        await outsider.GetAsync($"/api/evaluations?unitId={unitId}").StatusAsync(HttpStatusCode.Forbidden);
        await outsider.PutAsJsonAsync($"/api/evaluations/ombudsman/units/{unitId}/checklist", new { items = Array.Empty<object>() })
            .StatusAsync(HttpStatusCode.Forbidden);

        await own.PutAsJsonAsync($"/api/evaluations/{id}/f01/K1", new { selfScore = 3 }).OkJsonAsync();
        var list = await own.GetAsync("/api/evaluations").OkJsonAsync();
        Assert.Contains(list.EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);

        await app.Anonymous.GetAsync($"/api/evaluations/{id}").StatusAsync(HttpStatusCode.Unauthorized);
        await own.PostAsJsonAsync("/api/evaluations/cycles", new { year = 2026, name = "x" }).StatusAsync(HttpStatusCode.Forbidden);
        await own.GetAsync("/api/evaluations/scorecards?year=2026").StatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Changing_an_F01_self_score_keeps_the_evidence_already_attached()
    {
        var (id, unitId) = await NewEvaluationAsync("31.71.05.1010", "Kenari F01");
        using var own = app.ClientFor("unit-staff", unitId);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("%PDF-1.4\nSK penetapan standar pelayanan"u8.ToArray());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "sk.pdf");
        var document = (await own.PostAsync($"/api/evaluations/{id}/documents", form).OkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await own.PutAsJsonAsync($"/api/evaluations/{id}/f01/K1", new
        {
            selfScore = 3,
            note = "SK terlampir",
            links = new[] { new { url = "https://kenari.example.go.id/standar", title = "Standar" } },
            documentIds = new[] { document },
        }).OkJsonAsync();

        var changed = await own.PutAsJsonAsync($"/api/evaluations/{id}/f01/K1", new { selfScore = 4 }).OkJsonAsync();
        Assert.Equal(4, changed.GetProperty("selfScore").GetInt32());
        Assert.Equal("SK terlampir", changed.GetProperty("note").GetString());
        Assert.Equal(document, Assert.Single(changed.GetProperty("documentIds").EnumerateArray()).GetGuid());
        Assert.Equal("https://kenari.example.go.id/standar", Assert.Single(changed.GetProperty("links").EnumerateArray()).GetProperty("url").GetString());

        // What a request names it changes: an empty list clears.
        var cleared = await own.PutAsJsonAsync($"/api/evaluations/{id}/f01/K1", new { selfScore = 4, links = Array.Empty<object>() }).OkJsonAsync();
        Assert.Empty(cleared.GetProperty("links").EnumerateArray());
        Assert.Single(cleared.GetProperty("documentIds").EnumerateArray());
    }

    [Fact]
    public async Task Bad_input_is_400_with_field_errors_never_500()
    {
        var (id, unitId) = await NewEvaluationAsync("31.71.05.1005", "Kramat");
        using var lead = app.ClientFor("evaluator", subject: "lead-31.71.05.1005");
        using var own = app.ClientFor("unit-staff", unitId);

        var problem = await lead.PostAsJsonAsync("/api/evaluations/cycles", new { year = 1900, name = "" }).StatusAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("year", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));

        using var malformed = new StringContent("{\"year\": \"soon\"", Encoding.UTF8, "application/json");
        await lead.PostAsync("/api/evaluations/cycles", malformed).StatusAsync(HttpStatusCode.BadRequest);

        var score = await own.PutAsJsonAsync($"/api/evaluations/{id}/f01/K1", new { selfScore = 9, links = new[] { new { url = "ftp://x" } } })
            .StatusAsync(HttpStatusCode.BadRequest);
        Assert.True(score.GetProperty("errors").TryGetProperty("selfScore", out _));
        Assert.True(score.GetProperty("errors").TryGetProperty("links[0].url", out _));
        await own.PutAsJsonAsync($"/api/evaluations/{id}/f01/ZZ9", new { selfScore = 3 }).StatusAsync(HttpStatusCode.NotFound);
        await own.PostAsync($"/api/evaluations/{id}/f01/submit", null).StatusAsync(HttpStatusCode.Conflict); // not all answered
        await lead.PostAsJsonAsync($"/api/evaluations/{id}/f03/invitations", new { count = 0 }).StatusAsync(HttpStatusCode.BadRequest);
        await lead.PostAsJsonAsync($"/api/evaluations/cycles/{Guid.NewGuid()}/units", new { unitId }).StatusAsync(HttpStatusCode.NotFound);
        await lead.GetAsync("/api/evaluations/not-a-guid").StatusAsync(HttpStatusCode.NotFound);
        await app.Anonymous.PostAsJsonAsync("/api/evaluations/f03/unknown-token-0123456789", new { answers = new { Q1 = 5 } })
            .StatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_F03_token_counts_once_and_answers_are_validated()
    {
        var (id, _) = await NewEvaluationAsync("31.71.05.1006", "Bungur");
        using var lead = app.ClientFor("evaluator", subject: "lead-31.71.05.1006");
        var token = (await lead.PostAsJsonAsync($"/api/evaluations/{id}/f03/invitations", new { count = 1 }).OkJsonAsync())[0].GetProperty("token").GetString();
        var answers = Enumerable.Range(1, 8).ToDictionary(i => $"Q{i}", _ => 4);

        var bad = await app.Anonymous.PostAsJsonAsync($"/api/evaluations/f03/{token}", new { answers = new Dictionary<string, int> { ["Q1"] = 7, ["X"] = 1 } })
            .StatusAsync(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("answers.Q1", out _));
        await app.Anonymous.PostAsJsonAsync($"/api/evaluations/f03/{token}", new { answers }).StatusAsync(HttpStatusCode.Created);
        await app.Anonymous.PostAsJsonAsync($"/api/evaluations/f03/{token}", new { answers }).StatusAsync(HttpStatusCode.Conflict);
        await app.Anonymous.GetAsync($"/api/evaluations/f03/{token}").StatusAsync(HttpStatusCode.Conflict);
        var overview = await lead.GetAsync($"/api/evaluations/{id}/f03").OkJsonAsync();
        Assert.Equal(1, overview.GetProperty("respondents").GetInt32());
        Assert.False(overview.GetProperty("applied").GetBoolean()); // fewer than ten respondents
    }

    [Fact]
    public async Task Complaint_and_sidak_events_from_the_bus_become_the_units_evidence()
    {
        var (id, unitId) = await NewEvaluationAsync("31.71.05.1007", "Senen");
        var bus = app.Factory.Services.GetRequiredService<IBus>();
        var at = new DateTimeOffset(2026, 4, 1, 10, 0, 0, TimeSpan.FromHours(7));
        var resolved = Enumerable.Range(0, 6).Select(i => new ComplaintResolved(Guid.NewGuid(), $"JP-{i}", unitId, "jalan", "jaki", i + 2, i < 5, false,
            at.AddDays(-10), at)).ToList();
        foreach (var r in resolved)
        {
            await bus.Publish(r);
        }
        await bus.Publish(resolved[0]); // a second publish of the same fact is applied once (same complaint id)
        await bus.Publish(new ComplaintRated(resolved[0].ComplaintId, "JP-0", unitId, 5, at));
        await bus.Publish(new InspectionCompleted(Guid.NewGuid(), unitId, at, at, true, false, "sidak-kantor", 1, 0.5m, 1, 1, 0, 10, 2, at));
        await bus.Publish(new ViolationRecorded(Guid.NewGuid(), Guid.NewGuid(), unitId, "medium", "toilet", "toilet", false, at, at));

        using var lead = app.ClientFor("evaluator", subject: "lead-31.71.05.1007");
        var evidence = await Eventually.GetAsync(async () =>
        {
            var e = await lead.GetAsync($"/api/evaluations/evidence/units/{unitId}?year=2026").OkJsonAsync();
            return e.GetProperty("complaints").GetProperty("resolved").GetInt32() == 6
                   && e.GetProperty("complaints").GetProperty("ratings").GetInt32() == 1
                   && e.GetProperty("sidak").GetProperty("visits").GetInt32() == 1 ? (object)e : null;
        }, Wait, "complaint and sidak evidence of the unit");
        var json = (System.Text.Json.JsonElement)evidence;
        Assert.Equal(0.8333m, json.GetProperty("complaints").GetProperty("withinSlaShare").GetDecimal());
        Assert.Equal(0.8m, json.GetProperty("sidak").GetProperty("attendanceShare").GetDecimal());

        // the F02 view shows the evidence and a suggested band for the complaint indicators
        var f02 = await lead.GetAsync($"/api/evaluations/{id}/f02").OkJsonAsync();
        var a3 = f02.GetProperty("aspects").EnumerateArray().SelectMany(a => a.GetProperty("indicators").EnumerateArray())
            .Single(i => i.GetProperty("code").GetString() == "A3");
        Assert.Equal("complaints", a3.GetProperty("platformEvidence").GetString());
        Assert.Equal(3, a3.GetProperty("suggestedBand").GetProperty("min").GetInt32()); // 0.7 × 0.8333 + 0.3 × 1 = 0.8833 → 3–4
        var readiness = await lead.GetAsync($"/api/evaluations/ombudsman/units/{unitId}/readiness?year=2026").OkJsonAsync();
        Assert.NotEqual("unknown", readiness.GetProperty("zone").GetString());

        // The city's per-unit figures (the leadership map's layers) say the same of the unit, from grouped queries.
        var figures = (await lead.GetAsync("/api/evaluations/figures/units?year=2026").OkJsonAsync()).EnumerateArray()
            .Single(f => f.GetProperty("unitId").GetGuid() == unitId);
        var sidak = json.GetProperty("sidak");
        Assert.Equal(6, figures.GetProperty("resolved").GetInt32());
        Assert.Equal(0.8333m, figures.GetProperty("withinSlaShare").GetDecimal());
        Assert.Equal(1, figures.GetProperty("sidakVisits").GetInt32());
        Assert.Equal(sidak.GetProperty("findingsLow").GetInt32() + sidak.GetProperty("findingsMedium").GetInt32() + sidak.GetProperty("findingsHigh").GetInt32(),
            figures.GetProperty("sidakFindings").GetInt32());
        Assert.Equal(sidak.GetProperty("findingsHigh").GetInt32(), figures.GetProperty("sidakFindingsHigh").GetInt32());
        using var staff = app.ClientFor("unit-staff", unitId);
        await staff.GetAsync("/api/evaluations/figures/units?year=2026").StatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_reopened_complaint_leaves_the_evidence_and_readiness_lists_what_is_missing()
    {
        var (_, unitId) = await NewEvaluationAsync("31.71.05.1009", "Kramat Reopen");
        var bus = app.Factory.Services.GetRequiredService<IBus>();
        var at = new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.FromHours(7));
        var complaint = Guid.NewGuid();
        await bus.Publish(new ComplaintResolved(complaint, "JP-R1", unitId, "jalan", "jaki", 3, true, false, at.AddDays(-5), at));
        await bus.Publish(new ComplaintRated(complaint, "JP-R1", unitId, 5, at));
        using var lead = app.ClientFor("evaluator", subject: "lead-31.71.05.1009");
        await Eventually.GetAsync(async () =>
        {
            var e = await lead.GetAsync($"/api/evaluations/evidence/units/{unitId}?year=2026").OkJsonAsync();
            return e.GetProperty("complaints").GetProperty("resolved").GetInt32() == 1
                   && e.GetProperty("complaints").GetProperty("ratings").GetInt32() == 1 ? (object)e : null;
        }, Wait, "the resolved and rated complaint in the evidence");
        var before = await lead.GetAsync($"/api/evaluations/ombudsman/units/{unitId}/readiness?year=2026").OkJsonAsync();
        // No checklist, no sidak, no final IPP: each counts as not met and is named.
        Assert.Equal(3, before.GetProperty("missing").GetArrayLength());
        Assert.Equal(30m, before.GetProperty("predictedScore").GetDecimal());

        await bus.Publish(new ComplaintReopened(complaint, "JP-R1", unitId, true, true, 5, 1, at.AddDays(1)));
        var after = await Eventually.GetAsync(async () =>
        {
            var e = await lead.GetAsync($"/api/evaluations/evidence/units/{unitId}?year=2026").OkJsonAsync();
            return e.GetProperty("complaints").GetProperty("resolved").GetInt32() == 0 ? (object)e : null;
        }, Wait, "the reopened complaint to leave the evidence");
        var complaints = ((System.Text.Json.JsonElement)after).GetProperty("complaints");
        Assert.Equal(0, complaints.GetProperty("ratings").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, complaints.GetProperty("withinSlaShare").ValueKind);
        var readiness = await lead.GetAsync($"/api/evaluations/ombudsman/units/{unitId}/readiness?year=2026").OkJsonAsync();
        Assert.Equal("unknown", readiness.GetProperty("zone").GetString());
        Assert.Equal(4, readiness.GetProperty("missing").GetArrayLength());
    }

    [Fact]
    public async Task An_SKM_link_takes_one_response_per_token_and_limits_tokens_per_address()
    {
        var unit = app.Units.Add("31.71.05.1011", "Paseban Token");
        using var own = app.ClientFor("unit-head", unit.Id);
        var survey = await own.PostAsJsonAsync("/api/skm/surveys", new { unitId = unit.Id, year = 2026, period = "2026-S2", population = 100 })
            .OkJsonAsync(HttpStatusCode.Created);
        var link = survey.GetProperty("publicLink").GetString()!;
        int[] answers = [4, 4, 4, 4, 4, 4, 4, 4, 4];

        // Without a token, with a made-up one: refused.
        await app.Anonymous.PostAsJsonAsync($"{link}/responses", new { answers }).StatusAsync(HttpStatusCode.BadRequest);
        await app.Anonymous.PostAsJsonAsync($"{link}/responses", new { answers, responseToken = "palsu" }).StatusAsync(HttpStatusCode.BadRequest);

        // One token, one response; the header works as well as the body.
        var token = (await app.Anonymous.PostAsync($"{link}/tokens", null).OkJsonAsync(HttpStatusCode.Created)).GetProperty("responseToken").GetString()!;
        using (var first = new HttpRequestMessage(HttpMethod.Post, $"{link}/responses") { Content = JsonContent.Create(new { answers }) })
        {
            first.Headers.Add("X-Skm-Token", token);
            await app.Anonymous.SendAsync(first).StatusAsync(HttpStatusCode.Created);
        }
        for (var i = 0; i < 3; i++)
        {
            await app.Anonymous.PostAsJsonAsync($"{link}/responses", new { answers, responseToken = token }).StatusAsync(HttpStatusCode.Conflict);
        }
        var results = await own.GetAsync($"/api/skm/surveys/{survey.GetProperty("id")}/results").OkJsonAsync();
        Assert.Equal(1, results.GetProperty("responses").GetInt32());

        // One address takes at most the configured number of tokens per survey and hour (EvaluationsAppFixture: 8).
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var r = await app.Anonymous.PostAsync($"{link}/tokens", null);
            statuses.Add(r.StatusCode);
        }
        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task An_SKM_survey_gives_IKM_per_element_and_the_minimum_sample()
    {
        var unit = app.Units.Add("31.71.05.1008", "Paseban Barat");
        using var own = app.ClientFor("unit-head", unit.Id);
        using var outsider = app.ClientFor("unit-staff", Guid.NewGuid());
        var survey = await own.PostAsJsonAsync("/api/skm/surveys", new { unitId = unit.Id, year = 2026, period = "2026-S1", population = 1000 })
            .OkJsonAsync(HttpStatusCode.Created);
        Assert.Equal(278, survey.GetProperty("minimumSample").GetInt32());
        await outsider.PostAsJsonAsync("/api/skm/surveys", new { unitId = unit.Id, year = 2026, period = "x", population = 10 }).StatusAsync(HttpStatusCode.Forbidden);
        await outsider.GetAsync($"/api/skm/surveys/{survey.GetProperty("id")}").StatusAsync(HttpStatusCode.NotFound);

        var link = survey.GetProperty("publicLink").GetString()!;
        await app.Anonymous.GetAsync(link).OkJsonAsync();
        int[][] responses = [[4, 4, 4, 4, 4, 4, 4, 4, 4], [4, 4, 4, 4, 4, 4, 4, 4, 4], [4, 4, 4, 4, 4, 4, 3, 3, 3], [3, 3, 3, 3, 3, 3, 3, 3, 3], [3, 3, 3, 3, 3, 3, 3, 3, 3]];
        foreach (var answers in responses)
        {
            // Each respondent's device takes a one-response token first.
            var responseToken = (await app.Anonymous.PostAsync($"{link}/tokens", null).OkJsonAsync(HttpStatusCode.Created)).GetProperty("responseToken").GetString();
            await app.Anonymous.PostAsJsonAsync($"{link}/responses", new { answers, responseToken }).StatusAsync(HttpStatusCode.Created);
        }
        await app.Anonymous.PostAsJsonAsync($"{link}/responses", new { answers = new[] { 5, 1 } }).StatusAsync(HttpStatusCode.BadRequest);

        var results = await own.GetAsync($"/api/skm/surveys/{survey.GetProperty("id")}/results").OkJsonAsync();
        Assert.Equal(88.33m, results.GetProperty("result").GetProperty("ikm").GetDecimal());
        Assert.Equal("A", results.GetProperty("result").GetProperty("category").GetString());
        Assert.Equal(9, results.GetProperty("result").GetProperty("elements").GetArrayLength());
        Assert.False(results.GetProperty("sampleReached").GetBoolean());
        Assert.Equal("U7", results.GetProperty("weakestElements")[0].GetProperty("code").GetString());

        var sample = await app.Anonymous.GetAsync("/api/skm/sample-size?population=100").OkJsonAsync();
        Assert.Equal(80, sample.GetProperty("minimumSample").GetInt32());
    }

    [Fact]
    public async Task Only_closed_SKM_surveys_are_published_with_their_IKM_band_and_sample()
    {
        var unit = app.Units.Add("31.71.05.1009", "Paseban Timur");
        using var own = app.ClientFor("unit-head", unit.Id);
        var survey = await own.PostAsJsonAsync("/api/skm/surveys", new { unitId = unit.Id, year = 2025, period = "2025-S2", population = 100 })
            .OkJsonAsync(HttpStatusCode.Created);
        var link = survey.GetProperty("publicLink").GetString()!;
        var responseToken = (await app.Anonymous.PostAsync($"{link}/tokens", null).OkJsonAsync(HttpStatusCode.Created)).GetProperty("responseToken").GetString();
        await app.Anonymous.PostAsJsonAsync($"{link}/responses", new { answers = new[] { 3, 3, 3, 3, 3, 3, 3, 3, 3 }, responseToken })
            .StatusAsync(HttpStatusCode.Created);

        static IEnumerable<JsonElement> Of(JsonElement results, Guid unitId) =>
            results.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("unitId").GetGuid() == unitId);

        // An open survey's running figure is not public.
        Assert.Empty(Of(await app.Anonymous.GetAsync("/api/skm/public/results?year=2025").OkJsonAsync(), unit.Id));

        await own.PostAsync($"/api/skm/surveys/{survey.GetProperty("id")}/close", JsonContent.Create(new { })).OkJsonAsync();
        var published = Assert.Single(Of(await app.Anonymous.GetAsync("/api/skm/public/results?year=2025").OkJsonAsync(), unit.Id));
        Assert.Equal(75m, published.GetProperty("ikm").GetDecimal());
        Assert.Equal("C", published.GetProperty("category").GetString());
        Assert.Equal(1, published.GetProperty("responses").GetInt32());
        Assert.Equal(80, published.GetProperty("minimumSample").GetInt32());
        Assert.False(published.GetProperty("sampleSufficient").GetBoolean());

        await app.Anonymous.GetAsync("/api/skm/public/results?year=0").StatusAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_Ombudsman_checklist_is_kept_per_year_and_a_past_years_prediction_keeps_its_own()
    {
        var unit = app.Units.Add("31.71.05.1012", "Johar Baru");
        using var own = app.ClientFor("unit-staff", unit.Id);
        var items = (await own.GetAsync($"/api/evaluations/ombudsman/units/{unit.Id}/checklist?year=2025").OkJsonAsync())
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();

        // 2025: every item met. 2026 not recorded yet: the 2025 answers are offered, but 2026 counts as not filled.
        await own.PutAsJsonAsync($"/api/evaluations/ombudsman/units/{unit.Id}/checklist?year=2025",
            new { items = items.Select(c => new { code = c, met = true, note = "SK 2025" }) }).OkJsonAsync();
        var carried = await own.GetAsync($"/api/evaluations/ombudsman/units/{unit.Id}/checklist?year=2026").OkJsonAsync();
        Assert.Equal(2025, carried.GetProperty("carriedFrom").GetInt32());
        Assert.Equal(JsonValueKind.Null, carried.GetProperty("updatedAt").ValueKind);
        Assert.Equal(0, carried.GetProperty("met").GetInt32());
        Assert.All(carried.GetProperty("items").EnumerateArray(), i => Assert.Equal("SK 2025", i.GetProperty("note").GetString()));
        var before2026 = await own.GetAsync($"/api/evaluations/ombudsman/units/{unit.Id}/readiness?year=2026").OkJsonAsync();
        Assert.Equal(0, before2026.GetProperty("checklist").GetProperty("met").GetInt32());

        // 2026 saved with one item met: 2025's record and prediction stay as they were.
        var past = await own.GetAsync($"/api/evaluations/ombudsman/units/{unit.Id}/readiness?year=2025").OkJsonAsync();
        var saved = await own.PutAsJsonAsync($"/api/evaluations/ombudsman/units/{unit.Id}/checklist?year=2026",
            new { items = items.Select((c, i) => new { code = c, met = i == 0, note = (string?)null }) }).OkJsonAsync();
        Assert.Equal(2026, saved.GetProperty("year").GetInt32());
        Assert.Equal(1, saved.GetProperty("met").GetInt32());
        Assert.Equal(JsonValueKind.Null, saved.GetProperty("carriedFrom").ValueKind);
        var again = await own.GetAsync($"/api/evaluations/ombudsman/units/{unit.Id}/readiness?year=2025").OkJsonAsync();
        Assert.Equal(items.Count, again.GetProperty("checklist").GetProperty("met").GetInt32());
        Assert.Equal(past.GetProperty("predictedScore").ToString(), again.GetProperty("predictedScore").ToString());
        var now2026 = await own.GetAsync($"/api/evaluations/ombudsman/units/{unit.Id}/readiness?year=2026").OkJsonAsync();
        Assert.Equal(1, now2026.GetProperty("checklist").GetProperty("met").GetInt32());
    }
}
