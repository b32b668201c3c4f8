using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Tinjau.Inspections.Api.Domain;
using static Tinjau.Inspections.Tests.SidakScenario;

namespace Tinjau.Inspections.Tests;

[Collection(InspectionsCollection.Name)]
public sealed class InspectionsApiTests(InspectionsFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private Task<long> OutboxRowsAsync(string type, Guid id, bool sentOnly = false) => fixture.ScalarAsync<long>(
        "SELECT count(*) FROM outbox_messages WHERE message_type LIKE @type AND payload::text LIKE @id" + (sentOnly ? " AND sent_at IS NOT NULL" : ""),
        ("type", $"%{type}%"), ("id", $"%{id}%"));

    [Fact]
    public async Task Plans_and_unsubmitted_visits_are_invisible_to_the_unit_until_submission()
    {
        var (kecamatan, kelurahan) = fixture.Units.AddKelurahan();
        var satgas = fixture.As("satgas", subject: "satgas-1");
        var planId = await CreatePlanAsync(satgas, kelurahan);

        Assert.Equal(HttpStatusCode.OK, (await fixture.As("leadership").GetAsync($"/api/inspections/plans/{planId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous().GetAsync($"/api/inspections/plans/{planId}")).StatusCode);

        foreach (var unitUser in new[] { fixture.As("unit-staff", kelurahan), fixture.As("unit-head", kelurahan), fixture.As("unit-head", kecamatan) })
        {
            using var existing = await unitUser.GetAsync($"/api/inspections/plans/{planId}");
            using var missing = await unitUser.GetAsync($"/api/inspections/plans/{Guid.NewGuid()}");
            Assert.Equal(HttpStatusCode.NotFound, existing.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            // The same problem, word for word (only the trace id differs between any two responses).
            var (a, b) = (await Json(existing), await Json(missing));
            a.Remove("traceId");
            b.Remove("traceId");
            Assert.Equal(b.ToJsonString(), a.ToJsonString());
            Assert.Equal(HttpStatusCode.NotFound, (await unitUser.GetAsync("/api/inspections/plans")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await unitUser.GetAsync($"/api/inspections/plans?unitId={kelurahan}")).StatusCode);
        }

        // The satgas checks in: the visit exists, but not for the unit, and nothing is published yet.
        var visitId = Guid.NewGuid();
        using (var checkIn = await satgas.PostAsJsonAsync("/api/inspections/visits", new
        {
            visitId,
            planId,
            unitId = kelurahan,
            deviceTime = InHours,
            latitude = -6.18265,
            longitude = 106.84125,
        }))
        {
            await OkJson(checkIn, HttpStatusCode.Created);
        }
        var head = fixture.As("unit-head", kelurahan);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/inspections/visits/{visitId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/inspections/visits/{visitId}/verify-chain")).StatusCode);
        var list = await OkJson(await head.GetAsync($"/api/inspections/visits?unitId={kelurahan}"));
        Assert.Equal(0, list["total"]!.GetValue<int>());
        var record = await OkJson(await head.GetAsync($"/api/inspections/units/{kelurahan}/record?from=2025-01-01&to=2025-12-31"));
        Assert.Equal(0, record["visits"]!.GetValue<int>());
        Assert.Equal(0, await fixture.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE payload::text LIKE @u", ("u", $"%{kelurahan}%")));

        // After submission the unit sees the visit, but never the plan behind it.
        var submission = Submission(kelurahan, planId, InHours, Nip());
        submission.Remove("checkIn");
        await OkJson(await PutJson(satgas, $"/api/inspections/visits/{visitId}/submission", submission), HttpStatusCode.Created);
        var seen = await OkJson(await head.GetAsync($"/api/inspections/visits/{visitId}"));
        Assert.Equal("submitted", seen["status"]!.GetValue<string>());
        Assert.Null(seen["planId"]);
        var listed = await OkJson(await fixture.As("unit-staff", kelurahan).GetAsync("/api/inspections/visits"));
        Assert.Equal(1, listed["total"]!.GetValue<int>());
        Assert.Null(listed["items"]![0]!["planId"]);
        var satgasView = await OkJson(await satgas.GetAsync($"/api/inspections/visits/{visitId}"));
        Assert.Equal(planId, satgasView["planId"]!.GetValue<Guid>());
        // Another unit's staff still sees nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.As("unit-staff", Guid.NewGuid()).GetAsync($"/api/inspections/visits/{visitId}")).StatusCode);
    }

    [Fact]
    public async Task Unit_staff_see_unit_level_findings_only_and_the_head_of_unit_sees_each_officer()
    {
        var (kecamatan, kelurahan) = fixture.Units.AddKelurahan();
        var satgas = fixture.As("satgas");
        var nip = Nip();
        var visitId = Guid.NewGuid();
        var photoId = Guid.NewGuid();
        var submission = Submission(kelurahan, null, InHours, nip, evidenceId: photoId);
        ((JsonArray)submission["findings"]!).Add(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["severity"] = "medium",
            ["category"] = "facilities",
            ["checklistItem"] = "waiting-room",
            ["description"] = "Ruang tunggu sempit",
            ["evidenceIds"] = new JsonArray(),
        });
        await OkJson(await satgas.PutAsync($"/api/inspections/visits/{visitId}/submission", Multipart(submission, photoId, Photo())), HttpStatusCode.Created);
        // The photo belongs to the finding that names the officer.
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.As("unit-staff", kelurahan).GetAsync($"/api/inspections/visits/{visitId}/evidence/{photoId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.As("unit-head", kelurahan).GetAsync($"/api/inspections/visits/{visitId}/evidence/{photoId}")).StatusCode);

        foreach (var reader in new[] { fixture.As("unit-staff", kelurahan), fixture.As("evaluator") })
        {
            var seen = await OkJson(await reader.GetAsync($"/api/inspections/visits/{visitId}"));
            Assert.True(seen["officersWithheld"]!.GetValue<bool>());
            Assert.Empty(seen["attendance"]!.AsArray());
            var finding = Assert.Single(seen["findings"]!.AsArray());
            Assert.Equal("Ruang tunggu sempit", finding!["description"]!.GetValue<string>());
            Assert.Empty(seen["evidence"]!.AsArray());
            var text = seen.ToJsonString();
            Assert.DoesNotContain(nip, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Budi Santoso", text, StringComparison.Ordinal);
            Assert.DoesNotContain("absent-without-reason", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Loket 2 kosong", text, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.As("unit-staff", kelurahan).GetAsync($"/api/inspections/units/{kelurahan}/absences?year=2025")).StatusCode);
        // The roster for the next visit: the officer recorded, for the same readers as attendance; unit staff get 403.
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.As("unit-staff", kelurahan).GetAsync($"/api/inspections/units/{kelurahan}/officers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.As("evaluator").GetAsync($"/api/inspections/units/{kelurahan}/officers")).StatusCode);
        var roster = await (await satgas.GetAsync($"/api/inspections/units/{kelurahan}/officers")).Content.ReadFromJsonAsync<JsonArray>();
        var rostered = Assert.Single(roster!, o => o!["staffNumber"]?.GetValue<string>() == nip)!;
        Assert.Equal("Budi Santoso", rostered["name"]!.GetValue<string>());
        var headRoster = await (await fixture.As("unit-head", kecamatan).GetAsync($"/api/inspections/units/{kelurahan}/officers")).Content.ReadFromJsonAsync<JsonArray>();
        Assert.Contains(headRoster!, o => o!["staffNumber"]?.GetValue<string>() == nip);

        foreach (var reader in new[] { fixture.As("unit-head", kelurahan), fixture.As("unit-head", kecamatan), fixture.As("leadership"), satgas })
        {
            var full = await OkJson(await reader.GetAsync($"/api/inspections/visits/{visitId}"));
            Assert.False(full["officersWithheld"]!.GetValue<bool>());
            Assert.Contains(full["attendance"]!.AsArray(), a => a!["staffNumber"]?.GetValue<string>() == nip && a["status"]!.GetValue<string>() == "absent-without-reason");
            Assert.Equal(2, full["findings"]!.AsArray().Count);
        }
    }

    [Fact]
    public async Task Creating_a_plan_asks_the_registry_nothing_about_its_target_units()
    {
        var (_, target) = fixture.Units.AddKelurahan();
        var (_, other) = fixture.Units.AddKelurahan();
        var satgas = fixture.As("satgas");
        var planId = await CreatePlanAsync(satgas, target);
        Assert.DoesNotContain(target, fixture.Units.AskedAbout);
        // Nor does any log line or trace tag the service writes name it (what operations read in the dashboard).
        Assert.Contains(fixture.Telemetry.Lines, line => line.Contains("/api/inspections/plans", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Telemetry.Lines, line => line.Contains(target.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.True(fixture.Units.DirectoryRequests >= 1);

        // A second plan within the directory's lifetime asks nothing at all; an unknown target is still refused.
        var before = fixture.Units.DirectoryRequests;
        await CreatePlanAsync(satgas, other);
        Assert.Equal(before, fixture.Units.DirectoryRequests);
        Assert.DoesNotContain(other, fixture.Units.AskedAbout);
        using var unknown = await satgas.PostAsJsonAsync("/api/inspections/plans", new
        {
            title = "Sidak",
            windowStart = "2025-03-01",
            windowEnd = "2025-03-31",
            unitIds = new[] { Guid.NewGuid() },
            teamMembers = new[] { "satgas-1" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.NotEqual(Guid.Empty, planId);
    }

    [Fact]
    public async Task Check_ins_out_of_hours_or_far_away_are_accepted_but_flagged()
    {
        var (_, kelurahan) = fixture.Units.AddKelurahan();
        var satgas = fixture.As("satgas");

        var onTime = await OkJson(await satgas.PostAsJsonAsync("/api/inspections/visits", new
        {
            visitId = Guid.NewGuid(),
            unitId = kelurahan,
            deviceTime = InHours,
            latitude = -6.18265,
            longitude = 106.84125,
        }), HttpStatusCode.Created);
        Assert.False(onTime["checkIn"]!["flagged"]!.GetValue<bool>());
        Assert.True(onTime["checkIn"]!["insideServiceHours"]!.GetValue<bool>());
        Assert.InRange(onTime["checkIn"]!["distanceMetres"]!.GetValue<double>(), 0, 20);
        Assert.Equal("2025-03-10", onTime["localDate"]!.GetValue<string>());

        var lateVisit = Guid.NewGuid();
        var late = await OkJson(await satgas.PostAsJsonAsync("/api/inspections/visits", new
        {
            visitId = lateVisit,
            unitId = kelurahan,
            deviceTime = OutOfHours,
            latitude = -6.9175,
            longitude = 107.6191,
        }), HttpStatusCode.Created);
        Assert.True(late["checkIn"]!["flagged"]!.GetValue<bool>());
        Assert.False(late["checkIn"]!["insideServiceHours"]!.GetValue<bool>());
        var flags = late["checkIn"]!["flags"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
        Assert.Contains("outside-service-hours", flags);
        Assert.Contains("far-from-unit", flags);

        // The same check-in again changes nothing; another one under the same id is a conflict.
        Assert.Equal(HttpStatusCode.OK, (await satgas.PostAsJsonAsync("/api/inspections/visits", new
        {
            visitId = lateVisit,
            unitId = kelurahan,
            deviceTime = OutOfHours,
            latitude = -6.9175,
            longitude = 107.6191,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await satgas.PostAsJsonAsync("/api/inspections/visits", new
        {
            visitId = lateVisit,
            unitId = kelurahan,
            deviceTime = InHours,
            latitude = -6.9175,
            longitude = 107.6191,
        })).StatusCode);

        // Bad input is a 400 with field errors, an unknown unit too; unit users cannot check in.
        var bad = await OkJson(await satgas.PostAsJsonAsync("/api/inspections/visits", new { visitId = Guid.NewGuid(), unitId = kelurahan, latitude = 200.0 }),
            HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["deviceTime"]);
        Assert.NotNull(bad["errors"]!["latitude"]);
        var unknown = await OkJson(await satgas.PostAsJsonAsync("/api/inspections/visits", new
        {
            visitId = Guid.NewGuid(),
            unitId = Guid.NewGuid(),
            deviceTime = InHours,
            latitude = -6.18,
            longitude = 106.84,
        }), HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["unitId"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.As("unit-staff", kelurahan).PostAsJsonAsync("/api/inspections/visits", new
        {
            visitId = Guid.NewGuid(),
            unitId = kelurahan,
            deviceTime = InHours,
            latitude = -6.18,
            longitude = 106.84,
        })).StatusCode);
    }

    [Fact]
    public async Task An_offline_submission_with_a_photo_is_stored_once_published_and_idempotent()
    {
        var (_, kelurahan) = fixture.Units.AddKelurahan();
        var satgas = fixture.As("satgas");
        var visitId = Guid.NewGuid();
        var evidenceId = Guid.NewGuid();
        var photo = Photo();
        var submission = Submission(kelurahan, null, InHours, Nip(), evidenceId: evidenceId);

        using var first = await satgas.PutAsync($"/api/inspections/visits/{visitId}/submission", Multipart(submission, evidenceId, photo));
        var visit = await OkJson(first, HttpStatusCode.Created);
        Assert.Equal("submitted", visit["status"]!.GetValue<string>());
        // 13 items: 10 yes, 1 partly, 1 no, 1 not applicable → (10 + 0.5) / 12
        Assert.Equal(0.875m, visit["complianceScore"]!.GetValue<decimal>());
        Assert.Equal(2, visit["attendance"]!.AsArray().Count);
        var evidence = visit["evidence"]![0]!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(photo)), evidence["sha256"]!.GetValue<string>());
        Assert.Equal(photo.Length, evidence["sizeBytes"]!.GetValue<int>());

        // Re-sending the same payload (a device that lost the answer) changes nothing.
        using var again = await satgas.PutAsync($"/api/inspections/visits/{visitId}/submission", Multipart(submission, evidenceId, photo));
        var replay = await OkJson(again, HttpStatusCode.OK);
        Assert.Equal(visit["recordHash"]!.GetValue<string>(), replay["recordHash"]!.GetValue<string>());
        Assert.Equal(1, await fixture.ScalarAsync<long>("SELECT count(*) FROM evidence WHERE visit_id = @v", ("v", visitId)));
        Assert.Equal(1, await OutboxRowsAsync("InspectionCompleted", visitId));

        // A different payload under the same visit id is refused.
        submission["summary"] = "changed afterwards";
        using var changed = await satgas.PutAsync($"/api/inspections/visits/{visitId}/submission", Multipart(submission, evidenceId, photo));
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);

        // The photo comes back byte for byte.
        using var download = await satgas.GetAsync($"/api/inspections/visits/{visitId}/evidence/{evidenceId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(photo, await download.Content.ReadAsByteArrayAsync());

        // InspectionCompleted and ViolationRecorded leave the outbox (RabbitMQ confirmed them).
        await Eventually.TrueAsync(async () => await OutboxRowsAsync("InspectionCompleted", visitId, sentOnly: true) == 1, Deadline,
            "InspectionCompleted to be published");
        await Eventually.TrueAsync(async () => await OutboxRowsAsync("ViolationRecorded", visitId, sentOnly: true) == 1, Deadline,
            "ViolationRecorded to be published");
        var payload = await fixture.ScalarAsync<string>(
            "SELECT payload::text FROM outbox_messages WHERE message_type LIKE '%InspectionCompleted%' AND payload::text LIKE @v", ("v", $"%{visitId}%"));
        var evt = JsonNode.Parse(payload!)!;
        Assert.Equal(kelurahan, evt["unitId"]!.GetValue<Guid>());
        Assert.Equal(1, evt["findingsHigh"]!.GetValue<int>());
        Assert.Equal(1, evt["officersAbsentWithoutReason"]!.GetValue<int>());
        Assert.DoesNotContain("Budi", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("planId", payload, StringComparison.OrdinalIgnoreCase);

        // The unit record counts it, from the cache until the unit changes.
        var reader = fixture.As("evaluator");
        var record = await OkJson(await reader.GetAsync($"/api/inspections/units/{kelurahan}/record?from=2025-03-01&to=2025-03-31"));
        Assert.Equal(1, record["visits"]!.GetValue<int>());
        Assert.Equal(1, record["findings"]!["high"]!.GetValue<int>());
        Assert.Equal(0.875m, record["complianceScore"]!.GetValue<decimal>());
        var cached = await OkJson(await reader.GetAsync($"/api/inspections/units/{kelurahan}/record?from=2025-03-01&to=2025-03-31"));
        Assert.Equal(record["computedAt"]!.GetValue<string>(), cached["computedAt"]!.GetValue<string>());
        await OkJson(await PutJson(satgas, $"/api/inspections/visits/{Guid.NewGuid()}/submission",
            Submission(kelurahan, null, InHours.AddDays(1), Nip(), answer: "no")), HttpStatusCode.Created);
        var updated = await OkJson(await reader.GetAsync($"/api/inspections/units/{kelurahan}/record?from=2025-03-01&to=2025-03-31"));
        Assert.Equal(2, updated["visits"]!.GetValue<int>());
    }

    [Fact]
    public async Task Invalid_or_oversized_submissions_are_problems_not_errors()
    {
        var (_, kelurahan) = fixture.Units.AddKelurahan();
        var satgas = fixture.As("satgas");

        var incomplete = Submission(kelurahan, null, InHours, Nip());
        ((JsonArray)incomplete["checklist"]!["answers"]!).RemoveAt(0);
        incomplete["attendance"]![0]!["status"] = "asleep";
        var problem = await OkJson(await PutJson(satgas, $"/api/inspections/visits/{Guid.NewGuid()}/submission", incomplete), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["checklist.answers"]);
        Assert.NotNull(problem["errors"]!["attendance[0].status"]);

        using var notJson = await satgas.PutAsync($"/api/inspections/visits/{Guid.NewGuid()}/submission",
            new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        using var badCheckIn = await satgas.PostAsync("/api/inspections/visits", new StringContent("{ nope", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, badCheckIn.StatusCode);
        Assert.Equal("application/problem+json", badCheckIn.Content.Headers.ContentType!.MediaType);

        var evidenceId = Guid.NewGuid();
        var big = Photo((int)InspectionsFixture.MaxEvidenceBytes + 1);
        using var tooLarge = await satgas.PutAsync($"/api/inspections/visits/{Guid.NewGuid()}/submission",
            Multipart(Submission(kelurahan, null, InHours, Nip(), evidenceId: evidenceId), evidenceId, big));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType!.MediaType);

        var wrongHash = Submission(kelurahan, null, InHours, Nip(), evidenceId: evidenceId);
        wrongHash["evidence"] = new JsonArray(new JsonObject
        {
            ["id"] = evidenceId.ToString(),
            ["contentType"] = "image/jpeg",
            ["sha256"] = new string('0', 64),
        });
        using var mismatch = await satgas.PutAsync($"/api/inspections/visits/{Guid.NewGuid()}/submission",
            Multipart(wrongHash, evidenceId, Photo()));
        var mismatchProblem = await OkJson(mismatch, HttpStatusCode.BadRequest);
        Assert.NotNull(mismatchProblem["errors"]!["evidence[0].sha256"]);
    }

    [Fact]
    public async Task Amendments_are_appended_and_the_chain_detects_tampering()
    {
        var (_, kelurahan) = fixture.Units.AddKelurahan();
        var satgas = fixture.As("satgas");
        var visitId = Guid.NewGuid();
        var findingId = Guid.NewGuid();
        await OkJson(await PutJson(satgas, $"/api/inspections/visits/{visitId}/submission",
            Submission(kelurahan, null, InHours, Nip(), findingId: findingId)), HttpStatusCode.Created);

        var amendmentId = Guid.NewGuid();
        var amendment = new { id = amendmentId, target = $"finding:{findingId}", correction = "Loket 3, bukan loket 2", reason = "salah catat nomor loket" };
        await OkJson(await satgas.PostAsJsonAsync($"/api/inspections/visits/{visitId}/amendments", amendment), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.OK, (await satgas.PostAsJsonAsync($"/api/inspections/visits/{visitId}/amendments", amendment)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await satgas.PostAsJsonAsync($"/api/inspections/visits/{visitId}/amendments",
            new { target = $"finding:{Guid.NewGuid()}", correction = "x", reason = "y" })).StatusCode);

        var visit = await OkJson(await satgas.GetAsync($"/api/inspections/visits/{visitId}"));
        Assert.Equal("Loket 2 kosong pada jam pelayanan", visit["findings"]![0]!["description"]!.GetValue<string>());
        Assert.Single(visit["amendments"]!.AsArray());

        var verified = await OkJson(await satgas.GetAsync($"/api/inspections/visits/{visitId}/verify-chain"));
        Assert.True(verified["valid"]!.GetValue<bool>(), verified.ToJsonString());
        Assert.Equal(3, verified["entries"]!.GetValue<int>());

        // Someone edits a finding behind the service's back.
        await fixture.ExecuteAsync("UPDATE findings SET description = 'tidak ada temuan' WHERE id = @f", ("f", findingId));
        var tampered = await OkJson(await satgas.GetAsync($"/api/inspections/visits/{visitId}/verify-chain"));
        Assert.False(tampered["valid"]!.GetValue<bool>());

        // …and then rewrites the chain entry to match: the hash no longer does.
        await fixture.ExecuteAsync("UPDATE findings SET description = 'Loket 2 kosong pada jam pelayanan' WHERE id = @f", ("f", findingId));
        await fixture.ExecuteAsync("UPDATE visit_record_entries SET payload = replace(payload, 'Loket 3', 'Loket 9') WHERE visit_id = @v AND kind = 'amendment'",
            ("v", visitId));
        var rewritten = await OkJson(await satgas.GetAsync($"/api/inspections/visits/{visitId}/verify-chain"));
        Assert.False(rewritten["valid"]!.GetValue<bool>());
        Assert.Contains(rewritten["problems"]!.AsArray(), p => p!["sequence"]!.GetValue<int>() == 3);
    }

    [Fact]
    public async Task A_finding_goes_from_clarification_to_the_superiors_sanction_decision()
    {
        var (_, kelurahan) = fixture.Units.AddKelurahan();
        var satgas = fixture.As("satgas");
        var nip = Nip();

        // Three visits on three days find the same officer absent without reason.
        Guid findingId = default;
        for (var day = 0; day < 3; day++)
        {
            findingId = Guid.NewGuid();
            await OkJson(await PutJson(satgas, $"/api/inspections/visits/{Guid.NewGuid()}/submission",
                Submission(kelurahan, null, InHours.AddDays(day), nip, findingId: findingId)), HttpStatusCode.Created);
        }
        var list = await (await satgas.GetAsync($"/api/inspections/units/{kelurahan}/absences?year=2025")).Content.ReadFromJsonAsync<JsonArray>();
        var officer = list!.Single(o => o!["staffNumber"]!.GetValue<string>() == nip)!;
        Assert.Equal(3, officer["unexcusedDays"]!.GetValue<int>());
        Assert.Equal("spoken-reprimand", officer["suggestedLevel"]!.GetValue<string>());
        var officerId = officer["officerId"]!.GetValue<Guid>();
        Assert.Equal(3, (await OkJson(await satgas.GetAsync($"/api/inspections/officers/{officerId}/absences?year=2025")))["unexcusedDays"]!.GetValue<int>());

        var clarification = await OkJson(await satgas.PostAsJsonAsync($"/api/inspections/findings/{findingId}/clarifications",
            new { question = "Mengapa loket 2 kosong?" }), HttpStatusCode.Created);
        var clarificationId = clarification["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.Conflict, (await satgas.PostAsJsonAsync($"/api/inspections/findings/{findingId}/clarifications",
            new { question = "Lagi?" })).StatusCode);
        // Escalating before the answer (and before it is overdue) is a forbidden transition.
        Assert.Equal(HttpStatusCode.Conflict, (await satgas.PostAsJsonAsync($"/api/inspections/clarifications/{clarificationId}/escalate",
            new { superiorName = "Camat Senen" })).StatusCode);

        // Staff cannot answer, another unit's head cannot even see it, the head of the unit answers.
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.As("unit-staff", kelurahan).PostAsJsonAsync(
            $"/api/inspections/clarifications/{clarificationId}/answer", new { answer = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.As("unit-head", Guid.NewGuid()).PostAsJsonAsync(
            $"/api/inspections/clarifications/{clarificationId}/answer", new { answer = "x" })).StatusCode);
        var head = fixture.As("unit-head", kelurahan);
        var answered = await OkJson(await head.PostAsJsonAsync($"/api/inspections/clarifications/{clarificationId}/answer",
            new { answer = "Petugas tidak masuk tanpa keterangan" }));
        Assert.Equal("answered", answered["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await head.PostAsJsonAsync($"/api/inspections/clarifications/{clarificationId}/answer",
            new { answer = "again" })).StatusCode);
        Assert.Equal(1, await OutboxRowsAsync("ClarificationAnswered", clarificationId));

        var sanction = await OkJson(await satgas.PostAsJsonAsync($"/api/inspections/clarifications/{clarificationId}/escalate",
            new { superiorName = "Lurah Kwitang", superiorPosition = "Lurah", note = "Tiga hari tanpa keterangan" }), HttpStatusCode.Created);
        Assert.Equal("spoken-reprimand", sanction["recommendedLevel"]!.GetValue<string>());
        Assert.Equal(officerId, sanction["officerId"]!.GetValue<Guid>());
        Assert.Equal(3, sanction["unexcusedDaysInYear"]!.GetValue<int>());
        var sanctionId = sanction["id"]!.GetValue<Guid>();

        var open = await OkJson(await head.GetAsync("/api/inspections/follow-ups"));
        Assert.Contains(open["sanctions"]!.AsArray(), s => s!["id"]!.GetValue<Guid>() == sanctionId);

        var decided = await OkJson(await head.PostAsJsonAsync($"/api/inspections/sanctions/{sanctionId}/decision",
            new { decision = "imposed", decidedBy = "Lurah Kwitang", note = "Teguran lisan diberikan" }));
        Assert.Equal("decided", decided["status"]!.GetValue<string>());
        Assert.Equal("spoken-reprimand", decided["decidedLevel"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await satgas.PostAsJsonAsync($"/api/inspections/sanctions/{sanctionId}/decision",
            new { decision = "declined", decidedBy = "x" })).StatusCode);

        await Eventually.TrueAsync(async () => await OutboxRowsAsync("SanctionDecided", sanctionId, sentOnly: true) == 1, Deadline,
            "SanctionDecided to be published");
        var payload = await fixture.ScalarAsync<string>(
            "SELECT payload::text FROM outbox_messages WHERE message_type LIKE '%SanctionDecided%' AND payload::text LIKE @s", ("s", $"%{sanctionId}%"));
        Assert.DoesNotContain("Budi", payload!, StringComparison.Ordinal);
        Assert.DoesNotContain(nip, payload!, StringComparison.Ordinal);

        // Every follow-up step is in the visit's chain, which still verifies.
        var visitId = clarification["visitId"]!.GetValue<Guid>();
        var chain = await OkJson(await satgas.GetAsync($"/api/inspections/visits/{visitId}/verify-chain"));
        Assert.True(chain["valid"]!.GetValue<bool>(), chain.ToJsonString());
        // check-in, submission, clarification requested, answered, sanction recommended, decided
        Assert.Equal(6, chain["entries"]!.GetValue<int>());
    }

    [Fact]
    public async Task Ten_absences_around_Idul_Fitri_are_one_run_and_follow_up_deadlines_count_working_days()
    {
        var (_, kelurahan) = fixture.Units.AddKelurahan();
        var satgas = fixture.As("satgas");
        var nip = Nip();
        var dates = new[] { 21, 24, 25, 26, 27 }.Select(d => new DateTimeOffset(2025, 3, d, 10, 0, 0, TimeSpan.FromHours(7)))
            .Concat(new[] { 8, 9, 10, 11, 14 }.Select(d => new DateTimeOffset(2025, 4, d, 10, 0, 0, TimeSpan.FromHours(7))));
        Guid findingId = default;
        foreach (var date in dates)
        {
            findingId = Guid.NewGuid();
            await OkJson(await PutJson(satgas, $"/api/inspections/visits/{Guid.NewGuid()}/submission",
                Submission(kelurahan, null, date, nip, findingId: findingId)), HttpStatusCode.Created);
        }
        var list = await (await satgas.GetAsync($"/api/inspections/units/{kelurahan}/absences?year=2025")).Content.ReadFromJsonAsync<JsonArray>();
        var officer = list!.Single(o => o!["staffNumber"]!.GetValue<string>() == nip)!;
        Assert.Equal(10, officer["unexcusedDays"]!.GetValue<int>());
        Assert.Equal(10, officer["longestConsecutiveRun"]!.GetValue<int>());
        Assert.Equal("dismissal", officer["suggestedLevel"]!.GetValue<string>());

        // The unit has 5 working days to answer: the fifth working day after the request (whatever day of the week the
        // test runs on), at the same local time.
        var clarification = await OkJson(await satgas.PostAsJsonAsync($"/api/inspections/findings/{findingId}/clarifications",
            new { question = "Mengapa petugas tidak hadir?" }), HttpStatusCode.Created);
        var requested = clarification["requestedAt"]!.GetValue<DateTimeOffset>().ToOffset(TimeSpan.FromHours(7));
        var due = clarification["dueAt"]!.GetValue<DateTimeOffset>().ToOffset(TimeSpan.FromHours(7));
        var calendar = new WorkingDays(InspectionsUnits.Holidays);
        var from = DateOnly.FromDateTime(requested.DateTime);
        var to = DateOnly.FromDateTime(due.DateTime);
        var workingDaysBetween = Enumerable.Range(1, to.DayNumber - from.DayNumber).Count(d => calendar.IsWorkingDay(from.AddDays(d)));
        Assert.True(workingDaysBetween == 5 && calendar.IsWorkingDay(to), $"{requested} → {due}: {workingDaysBetween} working days");
        Assert.Equal(requested.TimeOfDay, due.TimeOfDay);
    }

    [Fact]
    public async Task The_sidak_checklist_reads_Indonesian_first_with_English_as_translation()
    {
        var v1 = await OkJson(await fixture.As("satgas").GetAsync("/api/inspections/checklists/sidak-pelayanan/versions/1"));
        var officeOpen = v1["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "office-open")!;
        Assert.Equal("Kantor buka pada jam pelayanan", officeOpen["text"]!.GetValue<string>());
        Assert.Equal("Office open during service hours", officeOpen["textEn"]!.GetValue<string>());
        Assert.All(v1["items"]!.AsArray(), i => Assert.False(string.IsNullOrEmpty(i!["textEn"]?.GetValue<string>())));
    }

    [Fact]
    public async Task A_backdated_visit_is_flagged_throughout_and_a_sanction_resting_on_it_waits_for_a_satgas_leads_confirmation()
    {
        var (_, kelurahan) = fixture.Units.AddKelurahan();
        var satgas = fixture.As("satgas", subject: "satgas-pencatat");
        var nip = Nip();
        var visitId = Guid.NewGuid();
        var findingId = Guid.NewGuid();
        // Monday 10 March 2014, more than the allowed backdating (ten years in this fixture) before it reaches the service.
        var longAgo = new DateTimeOffset(2014, 3, 10, 10, 0, 0, TimeSpan.FromHours(7));
        await OkJson(await PutJson(satgas, $"/api/inspections/visits/{visitId}/submission", Submission(kelurahan, null, longAgo, nip, findingId: findingId)),
            HttpStatusCode.Created);

        var visit = await OkJson(await satgas.GetAsync($"/api/inspections/visits/{visitId}"));
        Assert.True(visit["backdated"]!.GetValue<bool>());
        Assert.False(visit["backdatingConfirmed"]!.GetValue<bool>());
        Assert.Contains("backdated", visit["checkIn"]!["flags"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.All(visit["findings"]!.AsArray(), f => Assert.True(f!["backdated"]!.GetValue<bool>()));
        Assert.All(visit["attendance"]!.AsArray(), a => Assert.True(a!["backdated"]!.GetValue<bool>()));
        var completed = await fixture.ScalarAsync<string>(
            "SELECT payload::text FROM outbox_messages WHERE message_type LIKE '%InspectionCompleted%' AND payload::text LIKE @v", ("v", $"%{visitId}%"));
        Assert.Contains("\"backdated\": true", completed!, StringComparison.Ordinal);
        var officer = (await (await satgas.GetAsync($"/api/inspections/units/{kelurahan}/absences?year=2014")).Content.ReadFromJsonAsync<JsonArray>())!
            .Single(o => o!["staffNumber"]!.GetValue<string>() == nip)!;
        Assert.Equal("2014-03-10", Assert.Single(officer["unconfirmedBackdatedDays"]!.AsArray())!.GetValue<string>());

        var clarification = await OkJson(await satgas.PostAsJsonAsync($"/api/inspections/findings/{findingId}/clarifications",
            new { question = "Mengapa petugas tidak hadir?" }), HttpStatusCode.Created);
        var clarificationId = clarification["id"]!.GetValue<Guid>();
        await OkJson(await fixture.As("unit-head", kelurahan).PostAsJsonAsync($"/api/inspections/clarifications/{clarificationId}/answer",
            new { answer = "Tidak ada keterangan" }));
        var escalate = () => satgas.PostAsJsonAsync($"/api/inspections/clarifications/{clarificationId}/escalate",
            new { superiorName = "Lurah Kwitang", level = "spoken-reprimand" });
        Assert.Equal(HttpStatusCode.Conflict, (await escalate()).StatusCode);

        // The satgas who submitted it cannot confirm it; another satgas (the lead) can, and then the sanction goes ahead.
        Assert.Equal(HttpStatusCode.Forbidden, (await satgas.PostAsJsonAsync($"/api/inspections/visits/{visitId}/backdating-confirmation",
            new { note = "Saya sendiri" })).StatusCode);
        // A role that may never confirm gets 403 whether the visit exists or not, so the answer tells it nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.As("unit-head", kelurahan).PostAsJsonAsync($"/api/inspections/visits/{visitId}/backdating-confirmation",
            new { note = "x" })).StatusCode);
        var confirmed = await OkJson(await fixture.As("satgas", subject: "ketua-satgas").PostAsJsonAsync($"/api/inspections/visits/{visitId}/backdating-confirmation",
            new { note = "Laporan tim dan log perangkat sesuai" }));
        Assert.True(confirmed["backdatingConfirmed"]!.GetValue<bool>());
        Assert.True(confirmed["backdated"]!.GetValue<bool>());
        await OkJson(await escalate(), HttpStatusCode.Created);
        var chain = await OkJson(await satgas.GetAsync($"/api/inspections/visits/{visitId}/verify-chain"));
        Assert.True(chain["valid"]!.GetValue<bool>(), chain.ToJsonString());
    }

    [Fact]
    public async Task Checklist_templates_are_versioned_data()
    {
        var satgas = fixture.As("satgas");
        var v1 = await OkJson(await satgas.GetAsync("/api/inspections/checklists/sidak-pelayanan/versions/1"));
        Assert.Equal(13, v1["items"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.As("unit-head", Guid.NewGuid()).PostAsJsonAsync(
            "/api/inspections/checklists/sidak-pelayanan/versions", new { add = new[] { new { code = "x", text = "y" } } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await satgas.GetAsync("/api/inspections/checklists/nope/versions/1")).StatusCode);
    }

    [Fact]
    public async Task Plan_writes_refused_by_role_answer_the_hidden_404_to_units_and_a_worded_403_to_leadership()
    {
        var (_, kelurahan) = fixture.Units.AddKelurahan();
        var planId = await CreatePlanAsync(fixture.As("satgas"), kelurahan);
        using var missing = await fixture.As("unit-staff", kelurahan).GetAsync($"/api/inspections/plans/{Guid.NewGuid()}");
        var hidden = await Json(missing);
        hidden.Remove("traceId");
        foreach (var (path, body) in new[] { ("/api/inspections/plans", "{}"), ($"/api/inspections/plans/{planId}/cancel", "{\"reason\":\"x\"}") })
        {
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var unit = await fixture.As("unit-head", kelurahan).PostAsync(path, content);
            Assert.Equal(HttpStatusCode.NotFound, unit.StatusCode);
            var answer = await Json(unit);
            answer.Remove("traceId");
            Assert.Equal(hidden.ToJsonString(), answer.ToJsonString());

            using var leadershipContent = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var leadership = await fixture.As("leadership").PostAsync(path, leadershipContent);
            Assert.Equal(HttpStatusCode.Forbidden, leadership.StatusCode);
            Assert.StartsWith("Only the satgas", (await Json(leadership))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        Assert.Equal("planned", (await OkJson(await fixture.As("leadership").GetAsync($"/api/inspections/plans/{planId}")))["status"]!.GetValue<string>());
        using var checkIn = await fixture.As("unit-staff", kelurahan).PostAsJsonAsync("/api/inspections/visits", new { });
        Assert.Equal(HttpStatusCode.Forbidden, checkIn.StatusCode);
        Assert.Equal("Only the satgas checks in.", (await Json(checkIn))["detail"]!.GetValue<string>());
    }
}
