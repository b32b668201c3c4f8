using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tinjau.EndToEnd.Tests;

/// <summary>
/// An unannounced inspection (sidak) of Kelurahan Kwitang through the whole platform: the satgas plans it in secret
/// (Kwitang's staff and the Senen head cannot learn of it in any way), checks in on site, submits checklist,
/// attendance, a photo and findings in one idempotent request, the hash-chained record verifies, the findings are
/// followed up (clarification → the unit head answers → accepted, or escalated to a sanction recommendation → the
/// superior's decision), and <c>InspectionCompleted</c>/<c>ViolationRecorded</c> are consumed by the Evaluations service.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SidakEndToEndTests(PlatformFixture platform)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>A 1×1 PNG: the photo taken on site.</summary>
    private static readonly byte[] Photo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private HttpClient Gateway => platform.Gateway;

    [Fact]
    public async Task A_secret_sidak_of_Kwitang_is_checked_in_submitted_once_followed_up_to_a_sanction_decision_and_consumed_by_evaluations()
    {
        var kwitang = (await Gateway.GetFromJsonAsync<JsonElement>("/api/units/by-code/31.71.04.1002")).GetProperty("id").GetGuid();
        var satgas = await Platform.TokenAsync(Gateway, "satgas@tinjau.local", "inspections identity");
        var staff = await Platform.TokenAsync(Gateway, "staff.kwitang@tinjau.local", "inspections");
        var head = await Platform.TokenAsync(Gateway, "head.senen@tinjau.local", "inspections");
        var evaluator = await Platform.TokenAsync(Gateway, "evaluator@tinjau.local", "evaluations");
        var satgasSub = (await SendOkAsync(HttpMethod.Get, "/api/identity/me", satgas, null, "me")).GetProperty("id").GetString()!;

        // ---- 1. The plan: created by the satgas, invisible to the unit in every way ----
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var planId = Guid.NewGuid();
        var planBody = new
        {
            id = planId,
            title = "Sidak pelayanan Kelurahan Kwitang",
            windowStart = today.AddDays(-1),
            windowEnd = today.AddDays(7),
            unitIds = new[] { kwitang },
            teamMembers = new[] { satgasSub },
            notes = "Rahasia: jangan diberitahukan ke unit.",
        };
        var plan = await SendAsync(HttpMethod.Post, "/api/inspections/plans", satgas, planBody, HttpStatusCode.Created, "plan");
        Assert.Equal(planId, plan.GetProperty("id").GetGuid());
        Assert.Equal("planned", plan.GetProperty("status").GetString());
        // re-sending the same plan (client id) is harmless
        await SendAsync(HttpMethod.Post, "/api/inspections/plans", satgas, planBody, HttpStatusCode.OK, "plan again");

        var leadership = await Platform.TokenAsync(Gateway, "leadership@tinjau.local", "inspections");
        var seenByLeadership = await SendOkAsync(HttpMethod.Get, $"/api/inspections/plans?unitId={kwitang}", leadership, null, "plans as leadership");
        Assert.Contains(seenByLeadership.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == planId);

        foreach (var (who, token) in new[] { ("Kwitang staff", staff), ("Senen head", head) })
        {
            await AssertIndistinguishableFromNothingAsync(who, token, $"/api/inspections/plans/{planId}", $"/api/inspections/plans/{Guid.NewGuid()}");
            // no list, no count, no filter by unit: the same 404
            await AssertIndistinguishableFromNothingAsync(who, token, "/api/inspections/plans", $"/api/inspections/plans/{Guid.NewGuid()}");
            await AssertIndistinguishableFromNothingAsync(who, token, $"/api/inspections/plans?unitId={kwitang}",
                $"/api/inspections/plans/{Guid.NewGuid()}");
            using var cancel = await Gateway.SendAsync(Platform.Authorized(HttpMethod.Post, $"/api/inspections/plans/{planId}/cancel", token,
                new { reason = "coba" }));
            Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        }

        // ---- 2. On-site check-in at Kwitang's centroid with the device's time ----
        var visitId = Guid.NewGuid();
        var checkIn = await SendAsync(HttpMethod.Post, "/api/inspections/visits", satgas, new
        {
            visitId,
            planId,
            unitId = kwitang,
            deviceTime = DateTimeOffset.UtcNow,
            latitude = -6.1826,
            longitude = 106.8412,
            accuracyMetres = 8.0,
        }, HttpStatusCode.Created, "check-in");
        Assert.Equal("in-progress", checkIn.GetProperty("status").GetString());
        Assert.Equal(planId, checkIn.GetProperty("planId").GetGuid());
        var year = DateOnly.Parse(checkIn.GetProperty("localDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Year;
        var checkInView = checkIn.GetProperty("checkIn");
        Assert.True(checkInView.GetProperty("distanceMetres").GetDouble() < 300, "the officer stands at Kwitang: " + checkInView);
        var flags = checkInView.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.DoesNotContain("far-from-unit", flags);
        Assert.DoesNotContain("outside-plan-window", flags);
        Assert.DoesNotContain("location-unverified", flags);
        // the unit registry answered whether the instant is inside Kwitang's service hours; outside is flagged, not refused
        var insideHours = checkInView.GetProperty("insideServiceHours");
        Assert.True(insideHours.ValueKind is JsonValueKind.True or JsonValueKind.False, "the unit registry answered: " + checkInView);
        Assert.Equal(insideHours.ValueKind == JsonValueKind.False, flags.Contains("outside-service-hours"));

        // the visit in progress is as invisible to the unit as the plan
        foreach (var (who, token) in new[] { ("Kwitang staff", staff), ("Senen head", head) })
        {
            await AssertIndistinguishableFromNothingAsync(who, token, $"/api/inspections/visits/{visitId}", $"/api/inspections/visits/{Guid.NewGuid()}");
            var list = await SendOkAsync(HttpMethod.Get, $"/api/inspections/visits?unitId={kwitang}", token, null, $"visits as {who}");
            Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), v => v.GetProperty("id").GetGuid() == visitId);
            Assert.Equal(list.GetProperty("items").GetArrayLength(), list.GetProperty("total").GetInt32());
        }

        // ---- 3. The whole visit in one request built on the device ----
        var checklist = (await SendOkAsync(HttpMethod.Get, "/api/inspections/checklists", satgas, null, "checklists"))
            .EnumerateArray().Single(c => c.GetProperty("code").GetString() == "sidak-pelayanan");
        var items = checklist.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
        string AnswerOf(string item) => item switch
        {
            "queue-system" => "no",
            "waiting-room" => "partly",
            "lactation-room" => "not-applicable",
            _ => "yes",
        };
        var answers = items.Select(AnswerOf).ToList();
        var expectedCompliance = Math.Round(
            (answers.Count(a => a == "yes") + 0.5m * answers.Count(a => a == "partly")) / answers.Count(a => a != "not-applicable"), 4,
            MidpointRounding.AwayFromZero);

        var present = Guid.NewGuid();
        var absent = Guid.NewGuid();
        var photoId = Guid.NewGuid();
        var queueFinding = Guid.NewGuid();
        var absenceFinding = Guid.NewGuid();
        var photoSha = Convert.ToHexStringLower(SHA256.HashData(Photo));
        var staffNumber = "19800101" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var submission = new JsonObject
        {
            ["unitId"] = kwitang,
            ["planId"] = planId,
            ["checklist"] = new JsonObject
            {
                ["code"] = "sidak-pelayanan",
                ["version"] = checklist.GetProperty("version").GetInt32(),
                ["answers"] = new JsonArray(items.Select(i => (JsonNode)new JsonObject
                {
                    ["item"] = i,
                    ["answer"] = AnswerOf(i),
                    ["note"] = i == "queue-system" ? "Mesin antrean mati, warga antre berdiri." : null,
                }).ToArray()),
            },
            ["attendance"] = new JsonArray(
                new JsonObject { ["id"] = present, ["name"] = "Siti Rahma", ["position"] = "Petugas loket", ["status"] = "present" },
                new JsonObject
                {
                    ["id"] = absent,
                    ["name"] = "Budi Santoso",
                    ["staffNumber"] = staffNumber,
                    ["position"] = "Pengadministrasi umum",
                    ["status"] = "absent-without-reason",
                    ["note"] = "Tidak ada keterangan dari atasan.",
                }),
            ["findings"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = queueFinding,
                    ["severity"] = "medium",
                    ["category"] = "sarana",
                    ["checklistItem"] = "queue-system",
                    ["description"] = "Sistem antrean tidak berfungsi; tidak ada nomor antrean.",
                    ["evidenceIds"] = new JsonArray(photoId),
                },
                new JsonObject
                {
                    ["id"] = absenceFinding,
                    ["severity"] = "high",
                    ["category"] = "disiplin",
                    ["checklistItem"] = "staff-present",
                    ["description"] = "Pegawai tidak masuk tanpa keterangan pada jam pelayanan.",
                    ["attendanceId"] = absent,
                }),
            ["evidence"] = new JsonArray(new JsonObject
            {
                ["id"] = photoId,
                ["fileName"] = "antrean.png",
                ["contentType"] = "image/png",
                ["sha256"] = photoSha,
                ["sizeBytes"] = Photo.Length,
                ["capturedAt"] = DateTimeOffset.UtcNow,
                ["contentBase64"] = Convert.ToBase64String(Photo),
            }),
            ["summary"] = "Loket buka, antrean tidak tertib, satu pegawai tidak hadir tanpa keterangan.",
        }.ToJsonString();

        var beforeEvidence = await SendOkAsync(HttpMethod.Get, $"/api/evaluations/evidence/units/{kwitang}?year={year}", evaluator, null,
            "evidence before");

        var submitted = await SubmitAsync(satgas, visitId, submission, HttpStatusCode.Created);
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        Assert.Equal(expectedCompliance, submitted.GetProperty("complianceScore").GetDecimal());
        Assert.Equal(items.Count, submitted.GetProperty("checklist").GetArrayLength());
        Assert.Equal(2, submitted.GetProperty("attendance").GetArrayLength());
        Assert.Equal(2, submitted.GetProperty("findings").GetArrayLength());
        var evidence = Assert.Single(submitted.GetProperty("evidence").EnumerateArray());
        Assert.Equal(photoSha, evidence.GetProperty("sha256").GetString());
        Assert.Equal(Photo.Length, evidence.GetProperty("sizeBytes").GetInt64());
        Assert.Equal("image/png", evidence.GetProperty("contentType").GetString());
        var officerAtFault = submitted.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("id").GetGuid() == absenceFinding).GetProperty("officerId").GetGuid();
        var recordHash = submitted.GetProperty("recordHash").GetString();
        Assert.False(string.IsNullOrEmpty(recordHash));

        // ---- 4. Re-sending the identical submission changes nothing; a different one is refused ----
        var chainBefore = await SendOkAsync(HttpMethod.Get, $"/api/inspections/visits/{visitId}/verify-chain", satgas, null, "verify-chain");
        var replay = await SubmitAsync(satgas, visitId, submission, HttpStatusCode.OK);
        Assert.Equal(recordHash, replay.GetProperty("recordHash").GetString());
        Assert.Equal(submitted.GetProperty("submittedAt").GetDateTimeOffset(), replay.GetProperty("submittedAt").GetDateTimeOffset());
        var chainAfter = await SendOkAsync(HttpMethod.Get, $"/api/inspections/visits/{visitId}/verify-chain", satgas, null, "verify-chain again");
        Assert.Equal(chainBefore.GetProperty("entries").GetInt32(), chainAfter.GetProperty("entries").GetInt32());
        Assert.Equal(chainBefore.GetProperty("headHash").GetString(), chainAfter.GetProperty("headHash").GetString());
        var altered = JsonNode.Parse(submission)!.AsObject();
        altered["summary"] = "Ringkasan lain.";
        await SubmitAsync(satgas, visitId, altered.ToJsonString(), HttpStatusCode.Conflict);

        // ---- 5. The hash chain verifies ----
        Assert.True(chainAfter.GetProperty("valid").GetBoolean(), chainAfter.ToString());
        Assert.True(chainAfter.GetProperty("entries").GetInt32() >= 2, "check-in and submission are in the record");
        Assert.Equal(0, chainAfter.GetProperty("problems").GetArrayLength());

        // ---- 6. Once submitted, Kwitang's staff see the visit (without its plan) and the photo ----
        var staffView = await SendOkAsync(HttpMethod.Get, $"/api/inspections/visits/{visitId}", staff, null, "visit as staff");
        Assert.Equal("submitted", staffView.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, staffView.GetProperty("planId").ValueKind);
        var staffList = await SendOkAsync(HttpMethod.Get, $"/api/inspections/visits?unitId={kwitang}", staff, null, "visits as staff");
        var listed = Assert.Single(staffList.GetProperty("items").EnumerateArray(), v => v.GetProperty("id").GetGuid() == visitId);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("planId").ValueKind);
        using (var photo = await Gateway.SendAsync(Platform.Authorized(HttpMethod.Get, $"/api/inspections/visits/{visitId}/evidence/{photoId}", staff)))
        {
            Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
            var bytes = await photo.Content.ReadAsByteArrayAsync();
            Assert.Equal(Photo, bytes);
            Assert.Equal(photoSha, photo.Headers.GetValues("X-Content-SHA256").Single());
        }
        var staffChain = await SendOkAsync(HttpMethod.Get, $"/api/inspections/visits/{visitId}/verify-chain", staff, null, "verify-chain as staff");
        Assert.True(staffChain.GetProperty("valid").GetBoolean());
        // the plan itself stays secret
        await AssertIndistinguishableFromNothingAsync("Kwitang staff", staff, $"/api/inspections/plans/{planId}", $"/api/inspections/plans/{Guid.NewGuid()}");

        // ---- 7. Follow-up: clarification → the unit head answers → accepted ----
        var queueClarification = await SendAsync(HttpMethod.Post, $"/api/inspections/findings/{queueFinding}/clarifications", satgas,
            new { question = "Mengapa sistem antrean tidak berfungsi dan kapan diperbaiki?" }, HttpStatusCode.Created, "clarification (queue)");
        var queueClarificationId = queueClarification.GetProperty("id").GetGuid();
        Assert.Equal("open", queueClarification.GetProperty("status").GetString());
        var followUps = await SendOkAsync(HttpMethod.Get, $"/api/inspections/follow-ups?unitId={kwitang}", staff, null, "follow-ups as staff");
        Assert.Contains(followUps.GetProperty("clarifications").EnumerateArray(), c => c.GetProperty("id").GetGuid() == queueClarificationId);
        // Kwitang's staff may read it, but only the head of the unit answers
        using (var byStaff = await Gateway.SendAsync(Platform.Authorized(HttpMethod.Post, $"/api/inspections/clarifications/{queueClarificationId}/answer",
                   staff, new { answer = "Saya staf." })))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        }
        var answered = await SendOkAsync(HttpMethod.Post, $"/api/inspections/clarifications/{queueClarificationId}/answer", head,
            new { answer = "Mesin antrean rusak sejak Senin; teknisi dijadwalkan besok, sementara nomor antrean manual." }, "answer (queue)");
        Assert.Equal("answered", answered.GetProperty("status").GetString());
        var accepted = await SendOkAsync(HttpMethod.Post, $"/api/inspections/clarifications/{queueClarificationId}/accept", satgas,
            new { note = "Diterima; dicek pada sidak berikutnya." }, "accept");
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());

        // ---- 8. … or escalated: a sanction recommendation to the officer's superior, then the decision ----
        var absenceClarification = await SendAsync(HttpMethod.Post, $"/api/inspections/findings/{absenceFinding}/clarifications", satgas,
            new { question = "Mohon penjelasan ketidakhadiran pegawai tanpa keterangan." }, HttpStatusCode.Created, "clarification (absence)");
        var absenceClarificationId = absenceClarification.GetProperty("id").GetGuid();
        await SendOkAsync(HttpMethod.Post, $"/api/inspections/clarifications/{absenceClarificationId}/answer", head,
            new { answer = "Pegawai yang bersangkutan tidak memberi kabar; sudah kami panggil." }, "answer (absence)");
        var sanction = await SendAsync(HttpMethod.Post, $"/api/inspections/clarifications/{absenceClarificationId}/escalate", satgas, new
        {
            note = "Jawaban tidak menjelaskan ketidakhadiran.",
            superiorName = "Lurah Kwitang",
            superiorPosition = "Lurah",
            level = "spoken-reprimand",
        }, HttpStatusCode.Created, "escalate");
        var sanctionId = sanction.GetProperty("id").GetGuid();
        Assert.Equal(officerAtFault, sanction.GetProperty("officerId").GetGuid());
        Assert.Equal("spoken-reprimand", sanction.GetProperty("recommendedLevel").GetString());
        Assert.Equal("light", sanction.GetProperty("gravity").GetString());
        Assert.Equal(1, sanction.GetProperty("unexcusedDaysInYear").GetInt32());
        Assert.Equal("awaiting-decision", sanction.GetProperty("status").GetString());
        var escalated = await SendOkAsync(HttpMethod.Get, $"/api/inspections/clarifications/{absenceClarificationId}", satgas, null, "clarification");
        Assert.Equal("escalated", escalated.GetProperty("status").GetString());
        Assert.Equal(sanctionId, escalated.GetProperty("sanctionId").GetGuid());
        // the sanction names an officer: the unit's staff do not see it, the head of the unit does
        using (var byStaff = await Gateway.SendAsync(Platform.Authorized(HttpMethod.Get, $"/api/inspections/sanctions/{sanctionId}", staff)))
        {
            Assert.Equal(HttpStatusCode.NotFound, byStaff.StatusCode);
        }
        var decided = await SendOkAsync(HttpMethod.Post, $"/api/inspections/sanctions/{sanctionId}/decision", head, new
        {
            decision = "imposed",
            level = "spoken-reprimand",
            decidedBy = "Lurah Kwitang",
            note = "Teguran lisan disampaikan.",
        }, "decision");
        Assert.Equal("decided", decided.GetProperty("status").GetString());
        Assert.Equal("imposed", decided.GetProperty("decision").GetString());
        Assert.Equal("spoken-reprimand", decided.GetProperty("decidedLevel").GetString());
        Assert.Equal("Lurah Kwitang", decided.GetProperty("decidedBy").GetString());
        using (var twice = await Gateway.SendAsync(Platform.Authorized(HttpMethod.Post, $"/api/inspections/sanctions/{sanctionId}/decision", satgas,
                   new { decision = "declined", decidedBy = "Lurah Kwitang" })))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        }
        var absences = await SendOkAsync(HttpMethod.Get, $"/api/inspections/officers/{officerAtFault}/absences?year={year}", satgas, null,
            "absences");
        Assert.Equal(1, absences.GetProperty("unexcusedDays").GetInt32());
        Assert.Equal(year, absences.GetProperty("year").GetInt32());

        // every follow-up step went into the record, and the chain still verifies
        var chainFinal = await SendOkAsync(HttpMethod.Get, $"/api/inspections/visits/{visitId}/verify-chain", satgas, null, "verify-chain final");
        Assert.True(chainFinal.GetProperty("valid").GetBoolean(), chainFinal.ToString());
        // two clarification requests, two answers, an acceptance, the escalation with its recommendation, the decision
        Assert.True(chainFinal.GetProperty("entries").GetInt32() == chainAfter.GetProperty("entries").GetInt32() + 7,
            "every follow-up step is chained: " + chainFinal);
        Assert.NotEqual(chainAfter.GetProperty("headHash").GetString(), chainFinal.GetProperty("headHash").GetString());

        // ---- 9. InspectionCompleted and ViolationRecorded consumed by the Evaluations service ----
        var before = beforeEvidence.GetProperty("sidak");
        JsonElement sidak = default;
        await Eventually.TrueAsync(async () =>
        {
            if (await TryGetAsync($"/api/evaluations/evidence/units/{kwitang}?year={year}", evaluator) is not { } view)
            {
                return false;
            }
            sidak = view.GetProperty("sidak");
            return Delta(before, sidak, "visits") >= 1 && Delta(before, sidak, "findingsMedium") >= 1 && Delta(before, sidak, "findingsHigh") >= 1
                   && Delta(before, sidak, "officersRecorded") >= 2 && Delta(before, sidak, "officersAbsentWithoutReason") >= 1
                   && Delta(before, sidak, "violationsConcerningOfficers") >= 1;
        }, Deadline, "the Evaluations service to count Kwitang's visit from InspectionCompleted and ViolationRecorded");
        Assert.NotEqual(JsonValueKind.Null, sidak.GetProperty("averageCompliance").ValueKind);
    }

    /// <summary>A caller who may not know of a thing gets exactly what they get for something that does not exist.</summary>
    private async Task AssertIndistinguishableFromNothingAsync(string who, string token, string uri, string nothingUri)
    {
        using var response = await Gateway.SendAsync(Platform.Authorized(HttpMethod.Get, uri, token));
        using var missing = await Gateway.SendAsync(Platform.Authorized(HttpMethod.Get, nothingUri, token));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{who} GET {uri}: {(int)response.StatusCode} {body}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(missing.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(WithoutTraceIds(await missing.Content.ReadAsStringAsync()), WithoutTraceIds(body));
    }

    private static string WithoutTraceIds(string problem)
    {
        var node = JsonNode.Parse(problem)!.AsObject();
        node.Remove("traceId");
        node.Remove("requestId");
        return node.ToJsonString();
    }

    private async Task<JsonElement> SubmitAsync(string token, Guid visitId, string json, HttpStatusCode expected)
    {
        using var request = Platform.Authorized(HttpMethod.Put, $"/api/inspections/visits/{visitId}/submission", token);
        request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Gateway.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"submission: expected {(int)expected}, got {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string uri, string token, object? body, HttpStatusCode expected, string what)
    {
        using var response = await Gateway.SendAsync(Platform.Authorized(method, uri, token, body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{what}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private Task<JsonElement> SendOkAsync(HttpMethod method, string uri, string token, object? body, string what) =>
        SendAsync(method, uri, token, body, HttpStatusCode.OK, what);

    private async Task<JsonElement?> TryGetAsync(string uri, string token)
    {
        using var response = await Gateway.SendAsync(Platform.Authorized(HttpMethod.Get, uri, token));
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone() : null;
    }

    private static int Delta(JsonElement before, JsonElement after, string field) =>
        after.GetProperty(field).GetInt32() - before.GetProperty(field).GetInt32();
}
