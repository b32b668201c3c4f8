using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace Tinjau.EndToEnd.Tests;

/// <summary>
/// A PEKPPP evaluation of Kelurahan Kwitang through the whole platform: the evaluator opens a 2026 cycle with Kwitang
/// as lokus, Kwitang's staff fill and submit F01 with evidence, the evaluator scores F02 beside the platform's own
/// complaint and sidak evidence (created here: a complaint resolved and rated, a sidak visit submitted), the verifier
/// adjusts a score, service users answer F03 once per invitation, the index and category follow from the instrument's
/// weights, the berita acara is signed by the lead evaluator and Kwitang's head, and <c>EvaluationFinalized</c> is
/// consumed by the unit registry; the public scorecard shows the finished result.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class EvaluationsEndToEndTests(PlatformFixture platform)
{
    private const int Year = 2026;
    private const string Kwitang = "31.71.04.1002";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private HttpClient Gateway => platform.Gateway;

    [Fact]
    public async Task A_PEKPPP_cycle_for_Kwitang_goes_from_F01_to_a_signed_berita_acara_and_its_result_reaches_the_unit_registry()
    {
        var kwitang = (await Gateway.GetFromJsonAsync<JsonElement>($"/api/units/by-code/{Kwitang}")).GetProperty("id").GetGuid();
        var evaluator = await Platform.TokenAsync(Gateway, "evaluator@tinjau.local", "evaluations identity");
        var staff = await Platform.TokenAsync(Gateway, "staff.kwitang@tinjau.local", "evaluations complaints");
        var senenHead = await Platform.TokenAsync(Gateway, "head.senen@tinjau.local", "evaluations");
        var admin = await Platform.TokenAsync(Gateway, "admin@tinjau.local", "identity");
        var evaluatorSub = (await SendAsync(HttpMethod.Get, "/api/identity/me", evaluator, null, HttpStatusCode.OK, "me")).GetProperty("id").GetString()!;

        // The demo data has no head of Kwitang (head.senen heads the kecamatan above it), and a berita acara is signed by
        // the head of the evaluated unit itself: an admin creates one. A second evaluator account serves as verifier.
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var kwitangHeadEmail = $"lurah.kwitang.{suffix}@tinjau.local";
        var verifierEmail = $"verifikator.{suffix}@tinjau.local";
        await CreateUserAsync(admin, kwitangHeadEmail, "Lurah Kwitang", ["unit-head"], kwitang);
        var verifierSub = (await CreateUserAsync(admin, verifierEmail, "Verifikator PEKPPP", ["evaluator"], null)).GetProperty("id").GetString()!;
        var kwitangHead = await Platform.TokenAsync(Gateway, kwitangHeadEmail, "evaluations");
        var verifier = await Platform.TokenAsync(Gateway, verifierEmail, "evaluations");

        // ---- Platform evidence of our own: a complaint resolved and rated, a sidak visit submitted ----
        var evidenceBefore = await SendAsync(HttpMethod.Get, $"/api/evaluations/evidence/units/{kwitang}?year={Year}", evaluator, null,
            HttpStatusCode.OK, "evidence before");
        await ResolveAndRateAComplaintAsync(kwitang, staff);
        await SubmitASidakVisitAsync(kwitang);
        JsonElement evidence = default;
        await Eventually.TrueAsync(async () =>
        {
            using var response = await Gateway.SendAsync(Platform.Authorized(HttpMethod.Get, $"/api/evaluations/evidence/units/{kwitang}?year={Year}",
                evaluator));
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }
            evidence = (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
            return Delta(evidenceBefore, evidence, "complaints", "resolved") >= 1 && Delta(evidenceBefore, evidence, "complaints", "ratings") >= 1
                   && Delta(evidenceBefore, evidence, "sidak", "visits") >= 1;
        }, Deadline, "ComplaintResolved, ComplaintRated and InspectionCompleted to reach Kwitang's evidence in the Evaluations service");

        // ---- The cycle and its lokus ----
        var cycle = await SendAsync(HttpMethod.Post, "/api/evaluations/cycles", evaluator, new { year = Year, name = $"PEKPPP {Year} ({suffix})" },
            HttpStatusCode.Created, "cycle");
        var cycleId = cycle.GetProperty("id").GetGuid();
        Assert.Equal(Year, cycle.GetProperty("year").GetInt32());
        var instrumentName = cycle.GetProperty("instrument").GetString()!; // "PEKPPP v1"
        var instrument = await SendAsync(HttpMethod.Get,
            $"/api/evaluations/instruments/{instrumentName.Split(" v")[0]}/versions/{instrumentName.Split(" v")[1]}", evaluator, null, HttpStatusCode.OK,
            "instrument");
        var weights = instrument.GetProperty("aspects").EnumerateArray().SelectMany(a => a.GetProperty("indicators").EnumerateArray()
                .Select(i => (Indicator: i.GetProperty("code").GetString()!, Weight: a.GetProperty("weight").GetDecimal() * i.GetProperty("weight").GetDecimal())))
            .ToList();
        Assert.Equal(1m, Math.Round(weights.Sum(w => w.Weight), 4));

        var evaluation = await SendAsync(HttpMethod.Post, $"/api/evaluations/cycles/{cycleId}/units", evaluator, new
        {
            unitId = kwitang,
            team = new object[]
            {
                new { subjectId = evaluatorSub, name = "Tim Evaluator", role = "lead" },
                new { subjectId = verifierSub, name = "Verifikator PEKPPP", role = "verifier" },
            },
        }, HttpStatusCode.Created, "add Kwitang");
        var id = evaluation.GetProperty("id").GetGuid();
        Assert.Equal(Kwitang, evaluation.GetProperty("unitCode").GetString());
        Assert.Equal("self-assessment", evaluation.GetProperty("status").GetString());

        // ---- F01: Kwitang's staff answer every indicator with a self-score and evidence, then submit ----
        var document = "%PDF-1.4\n% SK Standar Pelayanan Kelurahan Kwitang 2026\n"u8.ToArray();
        using var upload = new MultipartFormDataContent();
        var part = new ByteArrayContent(document);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        upload.Add(part, "file", "sk-standar-pelayanan.pdf");
        using var uploadRequest = Platform.Authorized(HttpMethod.Post, $"/api/evaluations/{id}/documents", staff);
        uploadRequest.Content = upload;
        using var uploaded = await Gateway.SendAsync(uploadRequest);
        Assert.True(uploaded.StatusCode == HttpStatusCode.Created, $"upload: {(int)uploaded.StatusCode} {await uploaded.Content.ReadAsStringAsync()}");
        var documentInfo = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        var documentId = documentInfo.GetProperty("id").GetGuid();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(document)), documentInfo.GetProperty("sha256").GetString());

        var f01 = await SendAsync(HttpMethod.Get, $"/api/evaluations/{id}/f01", staff, null, HttpStatusCode.OK, "F01");
        var indicators = f01.GetProperty("aspects").EnumerateArray().SelectMany(a => a.GetProperty("indicators").EnumerateArray())
            .Select(i => i.GetProperty("code").GetString()!).ToList();
        Assert.Equal(weights.Select(w => w.Indicator), indicators);
        var selfScores = indicators.Select((code, n) => (code, score: 3 + n % 3)).ToDictionary(x => x.code, x => x.score);
        foreach (var (code, n) in indicators.Select((c, n) => (c, n)))
        {
            await SendAsync(HttpMethod.Put, $"/api/evaluations/{id}/f01/{code}", staff, new
            {
                selfScore = selfScores[code],
                note = $"Bukti untuk {code}.",
                links = new[] { new { url = $"https://kwitang.jakarta.go.id/bukti/{code}", title = "Bukti daring" } },
                documentIds = n == 0 ? new[] { documentId } : [],
            }, HttpStatusCode.OK, $"F01 {code}");
        }
        f01 = await SendAsync(HttpMethod.Get, $"/api/evaluations/{id}/f01", staff, null, HttpStatusCode.OK, "F01 filled");
        Assert.Equal(Round2(weights.Sum(w => w.Weight * selfScores[w.Indicator])), f01.GetProperty("selfAssessedIpp").GetDecimal());
        var first = f01.GetProperty("aspects")[0].GetProperty("indicators")[0];
        Assert.Equal(documentId, Assert.Single(first.GetProperty("documents").EnumerateArray()).GetProperty("id").GetGuid());
        var submitted = await SendAsync(HttpMethod.Post, $"/api/evaluations/{id}/f01/submit", staff, new { }, HttpStatusCode.OK, "F01 submit");
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        await SendAsync(HttpMethod.Put, $"/api/evaluations/{id}/f01/{indicators[0]}", staff, new { selfScore = 5 }, HttpStatusCode.Conflict,
            "F01 is locked after submission");

        // ---- F02: the view shows the platform's complaint and sidak evidence; the evaluator scores every indicator ----
        await SendAsync(HttpMethod.Get, $"/api/evaluations/{id}/f02", staff, null, HttpStatusCode.Forbidden, "F02 is not for the unit");
        var f02 = await SendAsync(HttpMethod.Get, $"/api/evaluations/{id}/f02", evaluator, null, HttpStatusCode.OK, "F02");
        var shown = f02.GetProperty("platformEvidence");
        Assert.Equal(Year, shown.GetProperty("year").GetInt32());
        Assert.True(shown.GetProperty("complaints").GetProperty("resolved").GetInt32() >= evidence.GetProperty("complaints").GetProperty("resolved").GetInt32());
        Assert.True(shown.GetProperty("complaints").GetProperty("ratings").GetInt32() >= 1);
        Assert.True(shown.GetProperty("sidak").GetProperty("visits").GetInt32() >= evidence.GetProperty("sidak").GetProperty("visits").GetInt32());
        Assert.True(shown.GetProperty("sidak").GetProperty("officersAbsentWithoutReason").GetInt32() >= 1);
        var f02Indicators = f02.GetProperty("aspects").EnumerateArray().SelectMany(a => a.GetProperty("indicators").EnumerateArray()).ToList();
        Assert.Contains(f02Indicators, i => i.GetProperty("platformEvidence").GetString() == "complaints");
        var suggested = f02Indicators.Where(i => i.GetProperty("platformEvidence").GetString() is "sidak-staff" or "sidak-facilities").ToList();
        Assert.NotEmpty(suggested);
        Assert.All(suggested, i => Assert.NotEqual(JsonValueKind.Null, i.GetProperty("suggestedBand").ValueKind));
        Assert.All(f02Indicators, i => Assert.Equal(selfScores[i.GetProperty("code").GetString()!], i.GetProperty("selfScore").GetInt32()));

        var evaluatorScores = new Dictionary<string, int>();
        var overridden = false;
        foreach (var indicator in f02Indicators)
        {
            var code = indicator.GetProperty("code").GetString()!;
            var band = indicator.GetProperty("suggestedBand");
            int score;
            string? expectedDecision = null;
            if (band.ValueKind == JsonValueKind.Object)
            {
                int min = band.GetProperty("min").GetInt32(), max = band.GetProperty("max").GetInt32();
                // accept the first suggested band, override the next one (with the reason in the notes)
                score = !overridden ? max : min > 0 ? min - 1 : max + 1;
                expectedDecision = !overridden ? "accepted" : "overridden";
                overridden = true;
            }
            else
            {
                score = 2 + evaluatorScores.Count % 4;
            }
            evaluatorScores[code] = score;
            var scored = await SendAsync(HttpMethod.Put, $"/api/evaluations/{id}/f02/{code}", evaluator, new
            {
                score,
                notes = $"Dinilai dari dokumen F01 dan bukti platform ({code}).",
                fieldObservation = "Observasi lapangan: loket buka, papan standar pelayanan terpasang.",
            }, HttpStatusCode.OK, $"F02 {code}");
            Assert.Equal(score, scored.GetProperty("evaluatorScore").GetInt32());
            if (expectedDecision is not null)
            {
                Assert.Equal(expectedDecision, scored.GetProperty("suggestionDecision").GetProperty("decision").GetString());
            }
        }
        var completed = await SendAsync(HttpMethod.Post, $"/api/evaluations/{id}/f02/complete", evaluator, new { }, HttpStatusCode.OK, "F02 complete");
        Assert.Equal("verification", completed.GetProperty("status").GetString());

        // ---- Verification: the verifier adjusts one score with a reason; the layers stay separate ----
        var adjusted = indicators[1];
        var verifierScore = evaluatorScores[adjusted] == 5 ? 4 : evaluatorScores[adjusted] + 1;
        await SendAsync(HttpMethod.Put, $"/api/evaluations/{id}/verification/{adjusted}", verifier, new { score = verifierScore }, HttpStatusCode.BadRequest,
            "verification without a reason");
        var verified = await SendAsync(HttpMethod.Put, $"/api/evaluations/{id}/verification/{adjusted}", verifier,
            new { score = verifierScore, reason = "Bukti SOP terbaru ditunjukkan saat verifikasi." }, HttpStatusCode.OK, "verification");
        Assert.Equal(evaluatorScores[adjusted], verified.GetProperty("evaluatorScore").GetInt32());
        Assert.Equal(verifierScore, verified.GetProperty("verifierScore").GetInt32());
        Assert.Equal(verifierScore, verified.GetProperty("finalScore").GetInt32());
        var finalScores = new Dictionary<string, int>(evaluatorScores) { [adjusted] = verifierScore };

        // ---- F03: single-use invitations, answered without an account; a reused token is refused ----
        var f03 = await SendAsync(HttpMethod.Get, $"/api/evaluations/{id}/f03", evaluator, null, HttpStatusCode.OK, "F03 overview");
        var minimum = f03.GetProperty("minimumRespondents").GetInt32();
        var share = f03.GetProperty("share").GetDecimal();
        var invitations = await SendAsync(HttpMethod.Post, $"/api/evaluations/{id}/f03/invitations", evaluator, new { count = minimum + 1 },
            HttpStatusCode.OK, "F03 invitations");
        Assert.Equal(minimum + 1, invitations.GetArrayLength());
        var respondentMeans = new List<decimal>();
        var r = 0;
        foreach (var invitation in invitations.EnumerateArray())
        {
            var link = invitation.GetProperty("link").GetString()!;
            var questionnaire = await AnonymousAsync(HttpMethod.Get, link, null, HttpStatusCode.OK, "F03 questionnaire");
            Assert.Equal("Kelurahan Kwitang", questionnaire.GetProperty("unitName").GetString());
            var items = questionnaire.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
            var answers = items.Select((code, n) => (code, value: 3 + (n + r) % 3)).ToDictionary(x => x.code, x => x.value);
            await AnonymousAsync(HttpMethod.Post, link, new { answers }, HttpStatusCode.Created, "F03 answer");
            respondentMeans.Add((decimal)answers.Values.Sum() / answers.Count);
            r++;
        }
        var reused = invitations[0].GetProperty("link").GetString()!;
        await AnonymousAsync(HttpMethod.Post, reused, new { answers = new Dictionary<string, int> { ["Q1"] = 5 } }, HttpStatusCode.Conflict,
            "a reused F03 token");
        f03 = await SendAsync(HttpMethod.Get, $"/api/evaluations/{id}/f03", evaluator, null, HttpStatusCode.OK, "F03 overview after");
        Assert.Equal(minimum + 1, f03.GetProperty("respondents").GetInt32());
        Assert.True(f03.GetProperty("applied").GetBoolean());

        // ---- The index: IPP and category from the instrument's weights, the final scores and the F03 share ----
        var instrumentIndex = weights.Sum(w => w.Weight * finalScores[w.Indicator]);
        var f03Score = respondentMeans.Sum() / respondentMeans.Count;
        var expectedIpp = Round2((1 - share) * instrumentIndex + share * f03Score);
        var expectedCategory = instrument.GetProperty("categoryBands").EnumerateArray()
            .Where(b => b.GetProperty("minScore").GetDecimal() <= expectedIpp).MaxBy(b => b.GetProperty("minScore").GetDecimal());
        var index = await SendAsync(HttpMethod.Get, $"/api/evaluations/{id}/index", evaluator, null, HttpStatusCode.OK, "index");
        Assert.True(index.GetProperty("complete").GetBoolean());
        Assert.Equal(Round2(instrumentIndex), index.GetProperty("instrumentIpp").GetDecimal());
        Assert.Equal(Round2(f03Score), index.GetProperty("f03Score").GetDecimal());
        Assert.True(index.GetProperty("f03Applied").GetBoolean());
        Assert.Equal(expectedIpp, index.GetProperty("ipp").GetDecimal());
        Assert.Equal(expectedIpp, Math.Round(index.GetProperty("ipp").GetDecimal(), 2));
        Assert.Equal(expectedCategory.GetProperty("code").GetString(), index.GetProperty("category").GetProperty("code").GetString());
        var category = expectedCategory.GetProperty("code").GetString()!;

        // ---- The berita acara: generated, signed by the lead evaluator and by Kwitang's own head ----
        var beritaAcara = await SendAsync(HttpMethod.Post, $"/api/evaluations/{id}/berita-acara", evaluator, new { }, HttpStatusCode.OK,
            "berita acara");
        var sha = beritaAcara.GetProperty("sha256").GetString()!;
        Assert.False(beritaAcara.GetProperty("complete").GetBoolean());
        var required = beritaAcara.GetProperty("required").EnumerateArray().Select(q => q.GetProperty("as").GetString()).Order().ToList();
        Assert.Equal(["head-of-unit", "lead"], required);
        using (var print = await Gateway.SendAsync(Platform.Authorized(HttpMethod.Get, $"/api/evaluations/{id}/berita-acara/print", evaluator)))
        {
            Assert.Equal(HttpStatusCode.OK, print.StatusCode);
            Assert.Equal("text/html", print.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Kwitang", await print.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await SendAsync(HttpMethod.Post, $"/api/evaluations/{id}/berita-acara/sign", evaluator, new { @as = "lead", documentSha256 = new string('0', 64) },
            HttpStatusCode.Conflict, "signing another document");
        await SendAsync(HttpMethod.Post, $"/api/evaluations/{id}/berita-acara/sign", evaluator, new { @as = "lead", documentSha256 = sha },
            HttpStatusCode.OK, "lead signs");
        // the camat above Kwitang is not the head of the evaluated unit
        await SendAsync(HttpMethod.Post, $"/api/evaluations/{id}/berita-acara/sign", senenHead, new { @as = "head-of-unit", documentSha256 = sha },
            HttpStatusCode.Forbidden, "the Senen head signs for Kwitang");
        var signed = await SendAsync(HttpMethod.Post, $"/api/evaluations/{id}/berita-acara/sign", kwitangHead,
            new { @as = "head-of-unit", documentSha256 = sha }, HttpStatusCode.OK, "Kwitang's head signs");
        Assert.True(signed.GetProperty("complete").GetBoolean());
        Assert.Equal(2, signed.GetProperty("signatures").GetArrayLength());
        await SendAsync(HttpMethod.Post, $"/api/evaluations/{id}/berita-acara", evaluator, new { }, HttpStatusCode.Conflict,
            "regenerating a signed berita acara");
        var final = await SendAsync(HttpMethod.Get, $"/api/evaluations/{id}", evaluator, null, HttpStatusCode.OK, "evaluation");
        Assert.Equal("finalized", final.GetProperty("status").GetString());
        Assert.Equal(expectedIpp, final.GetProperty("finalIpp").GetDecimal());
        Assert.Equal(category, final.GetProperty("finalCategory").GetString());
        Assert.Equal(sha, final.GetProperty("beritaAcaraSha256").GetString());

        // ---- EvaluationFinalized consumed: the unit registry keeps Kwitang's result of the period ----
        await Eventually.TrueAsync(async () =>
        {
            using var response = await Gateway.SendAsync(Platform.Authorized(HttpMethod.Get, $"/api/units/{kwitang}/evaluation-results", evaluator));
            if (!response.IsSuccessStatusCode)
            {
                return false; // also a 429 of the public rate limit: try again
            }
            var results = await response.Content.ReadFromJsonAsync<JsonElement>();
            return results.EnumerateArray().Any(x => x.GetProperty("period").GetInt32() == Year && x.GetProperty("evaluationId").GetGuid() == id
                                                     && x.GetProperty("ipp").GetDecimal() == expectedIpp
                                                     && x.GetProperty("category").GetString() == category);
        }, Deadline, $"the unit registry to show Kwitang's {Year} result {expectedIpp} ({category}) from EvaluationFinalized");

        // ---- The public scorecard shows the finished, signed result ----
        var card = await AnonymousAsync(HttpMethod.Get, $"/api/evaluations/public/scorecards/units/{kwitang}?year={Year}", null, HttpStatusCode.OK,
            "public scorecard");
        Assert.Equal(id, card.GetProperty("evaluationId").GetGuid());
        Assert.Equal(expectedIpp, card.GetProperty("ipp").GetDecimal());
        Assert.Equal(category, card.GetProperty("category").GetString());
        Assert.False(card.GetProperty("mandiri").GetBoolean());
        Assert.Equal(instrument.GetProperty("aspects").GetArrayLength(), card.GetProperty("aspects").GetArrayLength());
    }

    /// <summary>A citizen's complaint at Kwitang, disposed to Kwitang, answered by its staff, confirmed and rated.</summary>
    private async Task ResolveAndRateAComplaintAsync(Guid kwitang, string staff)
    {
        var citizen = await Platform.TokenAsync(Gateway, "citizen@tinjau.local", "complaints");
        var complaintAdmin = await Platform.TokenAsync(Gateway, "complaint-admin@tinjau.local", "complaints");
        var filed = await SendAsync(HttpMethod.Post, "/api/complaints", citizen, new
        {
            kind = "pengaduan",
            category = "sampah",
            description = "Sampah di depan kantor kelurahan belum diangkut dua hari.",
            latitude = -6.1826,
            longitude = 106.8412,
        }, HttpStatusCode.Created, "complaint");
        var complaint = filed.GetProperty("id").GetGuid();
        var trackingNumber = filed.GetProperty("trackingNumber").GetString()!;
        await SendAsync(HttpMethod.Post, $"/api/complaints/{complaint}/verify", complaintAdmin, new { note = "Lokasi jelas." }, HttpStatusCode.OK, "verify");
        await SendAsync(HttpMethod.Post, $"/api/complaints/{complaint}/dispose", complaintAdmin, new { unitId = kwitang, reason = "Wilayah Kwitang." },
            HttpStatusCode.OK, "dispose");
        await SendAsync(HttpMethod.Post, $"/api/complaints/{complaint}/start", staff, new { }, HttpStatusCode.OK, "start");
        await SendAsync(HttpMethod.Post, $"/api/complaints/{complaint}/answer", staff, new { answer = "Sudah diangkut petugas PPSU." },
            HttpStatusCode.OK, "answer");
        await SendAsync(HttpMethod.Post, $"/api/complaints/{complaint}/confirm", complaintAdmin, new { }, HttpStatusCode.OK, "confirm");
        await SendAsync(HttpMethod.Post, $"/api/complaints/track/{trackingNumber}/rate", citizen, new { rating = 4, comment = "Cukup cepat." },
            HttpStatusCode.OK, "rate");
    }

    /// <summary>A sidak visit at Kwitang, checked in and submitted in one offline-built request.</summary>
    private async Task SubmitASidakVisitAsync(Guid kwitang)
    {
        var satgas = await Platform.TokenAsync(Gateway, "satgas@tinjau.local", "inspections");
        var checklist = (await SendAsync(HttpMethod.Get, "/api/inspections/checklists", satgas, null, HttpStatusCode.OK, "checklists"))
            .EnumerateArray().Single(c => c.GetProperty("code").GetString() == "sidak-pelayanan");
        await SendAsync(HttpMethod.Put, $"/api/inspections/visits/{Guid.NewGuid()}/submission", satgas,
            SidakSamples.OneAbsentOfficer(kwitang, checklist.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!),
                -6.1826, 106.8412), HttpStatusCode.Created, "sidak submission");
    }

    private async Task<JsonElement> CreateUserAsync(string admin, string email, string displayName, string[] roles, Guid? unitId) =>
        await SendAsync(HttpMethod.Post, "/api/identity/users", admin, new { email, displayName, password = Platform.DemoPassword, roles, unitId },
            HttpStatusCode.Created, $"create {email}");

    private async Task<JsonElement> SendAsync(HttpMethod method, string uri, string token, object? body, HttpStatusCode expected, string what)
    {
        using var response = await Gateway.SendAsync(Platform.Authorized(method, uri, token, body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{what}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A call without an account. The public rate limit is per client address, shared by every test: a 429 is waited out.</summary>
    private async Task<JsonElement> AnonymousAsync(HttpMethod method, string uri, object? body, HttpStatusCode expected, string what)
    {
        JsonElement result = default;
        await Eventually.TrueAsync(async () =>
        {
            using var request = new HttpRequestMessage(method, uri);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }
            using var response = await Gateway.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return false;
            }
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{what}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
            result = JsonDocument.Parse(text).RootElement.Clone();
            return true;
        }, Deadline, $"{what} within the public rate limit");
        return result;
    }

    private static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static int Delta(JsonElement before, JsonElement after, string group, string field) =>
        after.GetProperty(group).GetProperty(field).GetInt32() - before.GetProperty(group).GetProperty(field).GetInt32();
}
