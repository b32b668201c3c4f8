using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tinjau.Inspections.Api.Data;
using Tinjau.Inspections.Api.Domain;
using Tinjau.Inspections.Api.Infrastructure;
using Tinjau.Inspections.Api.IntegrationEvents;
using Tinjau.Messaging;

namespace Tinjau.Inspections.Api.Apis;

/// <summary>Visits: check-in, offline-friendly submission, evidence, amendments, the hash-chained record.</summary>
public static class VisitsApi
{
    public static RouteGroupBuilder MapVisitsApi(this IEndpointRouteBuilder routes)
    {
        var visits = routes.MapGroup("/api/inspections/visits").WithTags("Visits").RequireAuthorization(Policies.Authenticated);
        visits.MapPost("/", CheckIn).WithSummary("Check in on site and start a visit (satgas); out-of-hours or far-away check-ins are flagged");
        visits.MapPut("/{id:guid}/submission", Submit).WithSummary("Submit a whole visit in one request; idempotent (satgas)")
            .WithDescription("application/json, or multipart/form-data with the JSON in field 'submission' and one file part per evidence id.");
        visits.MapGet("/", ListVisits).WithSummary("List visits the caller may see");
        visits.MapGet("/{id:guid}", GetVisit).WithSummary("Get a visit");
        visits.MapGet("/{id:guid}/evidence/{evidenceId:guid}", GetEvidence).WithSummary("Download an evidence file");
        visits.MapPost("/{id:guid}/amendments", Amend).WithSummary("Append a correction to a submitted visit (satgas)");
        visits.MapPost("/{id:guid}/backdating-confirmation", ConfirmBackdating)
            .WithSummary("A satgas lead confirms a backdated visit took place when its device says (satgas lead, admin)");
        visits.MapGet("/{id:guid}/verify-chain", VerifyChain).WithSummary("Verify the visit's hash-chained record against the stored rows");
        return visits;
    }

    // ---- check-in ----

    public static async Task<Results<Created<VisitView>, Ok<VisitView>, ValidationProblem, ProblemHttpResult>> CheckIn(CheckInRequest request,
        HttpContext http, InspectionsDb db, IUnitRegistry registry, IOptions<InspectionsOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (!http.User.IsSatgas())
        {
            return Problems.Forbidden("Only the satgas checks in.");
        }
        var errors = new FieldErrors();
        if (request.VisitId is null || request.VisitId == Guid.Empty)
        {
            errors.Add("visitId", "is required (generated on the device)");
        }
        if (request.UnitId is null || request.UnitId == Guid.Empty)
        {
            errors.Add("unitId", "is required");
        }
        ValidateCheckIn(request.DeviceTime, request.Latitude, request.Longitude, request.AccuracyMetres, "", errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var visitId = request.VisitId!.Value;
        var existing = await LoadVisitAsync(db, visitId, ct);
        if (existing is not null)
        {
            return existing.SameCheckIn(request.PlanId, request.UnitId!.Value, request.DeviceTime!.Value, request.Latitude!.Value, request.Longitude!.Value)
                ? TypedResults.Ok(VisitView.From(existing, true))
                : Problems.Conflict("Another check-in already uses this visit id.");
        }
        var visit = await StartVisitAsync(visitId, request.PlanId, request.UnitId!.Value, request.DeviceTime!.Value, request.Latitude!.Value,
            request.Longitude!.Value, request.AccuracyMetres, http.User.Subject(), db, registry, options.Value, clock, errors, ct);
        if (visit is null)
        {
            return errors.ToProblem();
        }
        db.Visits.Add(visit);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/inspections/visits/{visit.Id}", VisitView.From(visit, true));
    }

    private static void ValidateCheckIn(DateTimeOffset? deviceTime, double? latitude, double? longitude, double? accuracy, string prefix, FieldErrors errors)
    {
        if (deviceTime is null)
        {
            errors.Add(prefix + "deviceTime", "is required (ISO 8601 with offset)");
        }
        if (latitude is null || longitude is null || !GeoDistance.IsValid(latitude.Value, longitude.Value))
        {
            errors.Add(prefix + "latitude", "latitude (−90…90) and longitude (−180…180) are required");
        }
        if (accuracy is { } a && (!double.IsFinite(a) || a < 0))
        {
            errors.Add(prefix + "accuracyMetres", "must be zero or more");
        }
    }

    /// <summary>Builds a new visit from a check-in, asking the unit registry for location, time zone and service hours.</summary>
    private static async Task<SidakVisit?> StartVisitAsync(Guid visitId, Guid? planId, Guid unitId, DateTimeOffset deviceTime, double latitude,
        double longitude, double? accuracy, string by, InspectionsDb db, IUnitRegistry registry, InspectionsOptions options, TimeProvider clock,
        FieldErrors errors, CancellationToken ct)
    {
        SidakPlan? plan = null;
        if (planId is { } pid)
        {
            plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == pid, ct);
            if (plan is null)
            {
                errors.Add("planId", "there is no such plan");
            }
        }
        UnitInfo? unit = null;
        var registryDown = false;
        try
        {
            unit = await registry.GetUnitAsync(unitId, ct);
            if (unit is null)
            {
                errors.Add("unitId", "is not in the unit registry");
            }
        }
        catch (UnitRegistryUnavailableException)
        {
            registryDown = true;
        }
        if (errors.Any)
        {
            return null;
        }

        var zone = UnitZones.Find(unit?.TimeZone, options.DefaultTimeZone);
        bool? inside = registryDown ? null : await registry.IsInsideServiceHoursAsync(unitId, deviceTime, ct);
        double? distance = unit is { Latitude: { } ulat, Longitude: { } ulon } ? GeoDistance.Metres(latitude, longitude, ulat, ulon) : null;
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(deviceTime, zone.Zone).DateTime);
        var now = clock.GetUtcNow();
        var flags = CheckInAssessment.Assess(inside, distance, options.MaxCheckInDistanceMetres, deviceTime, now, options.MaxDeviceClockSkew,
            localDate, plan?.WindowStart, plan?.WindowEnd, options.MaxBackdating);
        return SidakVisit.Start(visitId, plan, unitId, zone.Id, localDate, new CheckIn
        {
            DeviceTime = deviceTime,
            ReceivedAt = now,
            Latitude = latitude,
            Longitude = longitude,
            AccuracyMetres = accuracy,
            InsideServiceHours = inside,
            DistanceMetres = distance,
            Flags = flags,
            CheckedInBy = by,
        }, now);
    }

    // ---- submission ----

    private sealed record ReadBody(string? Json, Dictionary<Guid, (byte[] Bytes, string? ContentType, string FileName)> Files, IResult? Error);

    private sealed record EvidenceFile(EvidenceInput Input, byte[] Bytes);

    public static async Task<Results<Created<VisitView>, Ok<VisitView>, ValidationProblem, ProblemHttpResult>> Submit(Guid id, HttpContext http,
        InspectionsDb db, IUnitRegistry registry, IEvidenceStore store, UnitRecordCache cache, IOptions<InspectionsOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        if (!http.User.IsSatgas())
        {
            return Problems.Forbidden("Only the satgas submits visits.");
        }
        var opts = options.Value;
        var body = await ReadBodyAsync(http, opts, ct);
        switch (body.Error)
        {
            case ValidationProblem vp:
                return vp;
            case ProblemHttpResult p:
                return p;
        }

        JsonNode? node;
        SubmissionRequest? request;
        try
        {
            node = JsonNode.Parse(body.Json!, documentOptions: PlatformJson.DocumentOptions);
            request = node?.Deserialize<SubmissionRequest>(PlatformJson.Options);
        }
        catch (JsonException ex)
        {
            return Problems.Validation("submission", "is not a valid submission: " + ex.Message);
        }
        if (request is null || node is not JsonObject requestObject)
        {
            return Problems.Validation("submission", "is required");
        }

        var errors = new FieldErrors();
        var files = ResolveEvidence(request, body.Files, opts, errors, out var tooLarge);
        if (tooLarge is not null)
        {
            return Problems.TooLarge(tooLarge);
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        // Fingerprint of the payload as sent (member order and white space do not matter), with each file's hash.
        foreach (var e in requestObject["evidence"] as JsonArray ?? [])
        {
            (e as JsonObject)?.Remove("contentBase64");
        }
        var fingerprintSource = new JsonObject
        {
            ["visitId"] = id.ToString(),
            ["request"] = requestObject,
            ["files"] = new JsonObject(files.Select(f => new KeyValuePair<string, JsonNode?>(f.Input.Id.ToString(), f.Input.Sha256))),
        };
        var fingerprint = HashChain.Sha256Hex(CanonicalJson.Serialize(fingerprintSource));

        var visit = await LoadVisitAsync(db, id, ct);
        if (visit is { Status: VisitStatus.Submitted })
        {
            return SubmissionIdempotency.Decide(true, visit.SubmissionFingerprint, fingerprint) == SubmissionOutcome.Replay
                ? TypedResults.Ok(VisitView.From(visit, true))
                : Problems.Conflict("This visit was already submitted with a different payload; corrections are amendments.");
        }

        var template = await ValidateSubmissionAsync(request, db, errors, ct);
        if (errors.Any || template is null)
        {
            return errors.ToProblem();
        }

        if (visit is null)
        {
            if (request.CheckIn is not { } c)
            {
                return Problems.Validation("checkIn", "is required: this visit was not checked in before");
            }
            if (request.UnitId is null || request.UnitId == Guid.Empty)
            {
                return Problems.Validation("unitId", "is required");
            }
            visit = await StartVisitAsync(id, request.PlanId, request.UnitId.Value, c.DeviceTime!.Value, c.Latitude!.Value, c.Longitude!.Value,
                c.AccuracyMetres, http.User.Subject(), db, registry, opts, clock, errors, ct);
            if (visit is null)
            {
                return errors.ToProblem();
            }
            db.Visits.Add(visit);
        }
        else
        {
            if (request.UnitId is { } u && u != visit.UnitId)
            {
                return Problems.Conflict("The visit was checked in at another unit.");
            }
            if (request.CheckIn is { } c && !visit.SameCheckIn(request.PlanId ?? visit.PlanId, visit.UnitId, c.DeviceTime!.Value, c.Latitude!.Value,
                    c.Longitude!.Value))
            {
                return Problems.Conflict("The check-in in the submission differs from the one recorded for this visit.");
            }
        }

        var attendance = await ResolveOfficersAsync(request, visit.UnitId, db, ct);
        var content = new SubmissionContent(template,
            request.Checklist!.Answers!.Select(a => new AnswerInput(a.Item!.Trim(), Parse<ChecklistAnswerValue>(a.Answer), Trim(a.Note))).ToList(),
            attendance,
            (request.Findings ?? []).Select(f => new FindingInput(f.Id!.Value, Parse<FindingSeverity>(f.Severity), f.Category!.Trim(),
                Trim(f.ChecklistItem), f.Description!.Trim(), f.AttendanceId, f.EvidenceIds ?? [], f.ObservedAt)).ToList(),
            files.Select(f => f.Input).ToList(),
            Trim(request.Summary));
        var now = clock.GetUtcNow();
        visit.Submit(content, fingerprint, http.User.Subject(), now);
        foreach (var file in files)
        {
            store.Stage(file.Input.Id, file.Bytes);
        }
        db.AddIntegrationEvent(InspectionEvents.Completed(visit, now));
        foreach (var finding in visit.Findings)
        {
            db.AddIntegrationEvent(InspectionEvents.Violation(finding, visit.IsBackdated, now));
        }
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(visit.UnitId);
        return TypedResults.Created($"/api/inspections/visits/{visit.Id}", VisitView.From(visit, true));
    }

    private static async Task<ReadBody> ReadBodyAsync(HttpContext http, InspectionsOptions opts, CancellationToken ct)
    {
        var files = new Dictionary<Guid, (byte[] Bytes, string? ContentType, string FileName)>();
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = opts.MaxSubmissionBytes;
        }
        var tooLarge = Problems.TooLarge($"A submission may be at most {opts.MaxSubmissionBytes / (1024 * 1024)} MB and each file at most {opts.MaxEvidenceBytes / (1024 * 1024)} MB.");
        try
        {
            if (http.Request.HasFormContentType)
            {
                http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
                {
                    MultipartBodyLengthLimit = opts.MaxSubmissionBytes,
                    ValueLengthLimit = 4 * 1024 * 1024,
                }));
                var form = await http.Request.ReadFormAsync(ct);
                string? json = form["submission"];
                foreach (var file in form.Files)
                {
                    if (file.Name == "submission")
                    {
                        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
                        json = await reader.ReadToEndAsync(ct);
                        continue;
                    }
                    if (!Guid.TryParse(file.Name, out var evidenceId))
                    {
                        return new ReadBody(null, files, Problems.Validation(file.Name, "file parts must be named by their evidence id"));
                    }
                    if (file.Length > opts.MaxEvidenceBytes)
                    {
                        return new ReadBody(null, files, tooLarge);
                    }
                    using var buffer = new MemoryStream((int)file.Length);
                    await file.CopyToAsync(buffer, ct);
                    files[evidenceId] = (buffer.ToArray(), file.ContentType, file.FileName);
                }
                return string.IsNullOrWhiteSpace(json)
                    ? new ReadBody(null, files, Problems.Validation("submission", "the form field 'submission' with the visit as JSON is required"))
                    : new ReadBody(json, files, null);
            }
            if (http.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
            {
                using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
                var json = await reader.ReadToEndAsync(ct);
                return new ReadBody(json, files, null);
            }
            return new ReadBody(null, files, Problems.Validation("contentType", "must be application/json or multipart/form-data"));
        }
        catch (InvalidDataException)
        {
            return new ReadBody(null, files, tooLarge);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ReadBody(null, files, tooLarge);
        }
        catch (BadHttpRequestException ex)
        {
            return new ReadBody(null, files, Problems.Validation("body", ex.Message));
        }
    }

    private static List<EvidenceFile> ResolveEvidence(SubmissionRequest request, Dictionary<Guid, (byte[] Bytes, string? ContentType, string FileName)> parts,
        InspectionsOptions opts, FieldErrors errors, out string? tooLarge)
    {
        tooLarge = null;
        var result = new List<EvidenceFile>();
        var declared = new HashSet<Guid>();
        var evidence = request.Evidence ?? [];
        if (evidence.Count > 100)
        {
            errors.Add("evidence", "at most 100 files per visit");
            return result;
        }
        for (var i = 0; i < evidence.Count; i++)
        {
            var e = evidence[i];
            var p = $"evidence[{i}]";
            if (e?.Id is not { } eid || eid == Guid.Empty)
            {
                errors.Add($"{p}.id", "is required (generated on the device)");
                continue;
            }
            if (!declared.Add(eid))
            {
                errors.Add($"{p}.id", "is listed twice");
                continue;
            }
            byte[] bytes;
            string? partType = null;
            string? partName = null;
            if (parts.TryGetValue(eid, out var part))
            {
                (bytes, partType, partName) = part;
            }
            else if (!string.IsNullOrEmpty(e.ContentBase64))
            {
                if (e.ContentBase64.Length / 4 * 3 > opts.MaxEvidenceBytes + 3)
                {
                    tooLarge = $"Evidence {eid} is larger than {opts.MaxEvidenceBytes / (1024 * 1024)} MB.";
                    return result;
                }
                try
                {
                    bytes = Convert.FromBase64String(e.ContentBase64);
                }
                catch (FormatException)
                {
                    errors.Add($"{p}.contentBase64", "is not valid base64");
                    continue;
                }
            }
            else
            {
                errors.Add(p, $"no file part named {eid} and no contentBase64");
                continue;
            }
            if (bytes.Length > opts.MaxEvidenceBytes)
            {
                tooLarge = $"Evidence {eid} is larger than {opts.MaxEvidenceBytes / (1024 * 1024)} MB.";
                return result;
            }
            if (bytes.Length == 0)
            {
                errors.Add(p, "the file is empty");
                continue;
            }
            var contentType = (e.ContentType ?? partType ?? "").Split(';')[0].Trim().ToLowerInvariant();
            if (!opts.EvidenceContentTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{p}.contentType", "must be one of " + string.Join(", ", opts.EvidenceContentTypes));
                continue;
            }
            // The content must be what it claims: a page or script sent as a photo is refused.
            if (Uploads.DetectType(bytes) != contentType)
            {
                errors.Add($"{p}.contentType", "does not match the file's content");
                continue;
            }
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (e.Sha256 is { Length: > 0 } declaredSha && !string.Equals(declaredSha, sha, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{p}.sha256", "does not match the file");
                continue;
            }
            if (e.SizeBytes is { } size && size != bytes.Length)
            {
                errors.Add($"{p}.sizeBytes", "does not match the file");
                continue;
            }
            if ((e.FileName ?? partName)?.Length > 255)
            {
                errors.Add($"{p}.fileName", "must be at most 255 characters");
                continue;
            }
            var fileName = Uploads.SafeFileName(Trim(e.FileName) ?? Trim(partName), $"{eid}");
            result.Add(new EvidenceFile(new EvidenceInput(eid, fileName, contentType, bytes.Length, sha, e.CapturedAt), bytes));
        }
        foreach (var extra in parts.Keys.Where(k => !declared.Contains(k)))
        {
            errors.Add(extra.ToString(), "this file part is not listed in evidence");
        }
        return result;
    }

    private static async Task<ChecklistTemplate?> ValidateSubmissionAsync(SubmissionRequest request, InspectionsDb db, FieldErrors errors,
        CancellationToken ct)
    {
        if (request.CheckIn is { } c)
        {
            ValidateCheckIn(c.DeviceTime, c.Latitude, c.Longitude, c.AccuracyMetres, "checkIn.", errors);
        }
        errors.Optional(request.Summary, "summary", 4000);

        ChecklistTemplate? template = null;
        if (request.Checklist is not { Answers: not null } checklist)
        {
            errors.Add("checklist", "is required, with answers to every item");
        }
        else
        {
            var code = string.IsNullOrWhiteSpace(checklist.Code) ? ChecklistTemplate.DefaultCode : checklist.Code.Trim();
            template = checklist.Version is { } version
                ? await db.ChecklistTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Code == code && t.Version == version, ct)
                : await db.ChecklistTemplates.AsNoTracking().Where(t => t.Code == code).OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);
            if (template is null)
            {
                errors.Add("checklist.version", $"there is no checklist {code}" + (checklist.Version is { } v ? $" version {v}" : ""));
            }
            var items = template?.Items.Select(i => i.Code).ToHashSet(StringComparer.Ordinal) ?? [];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < checklist.Answers.Count; i++)
            {
                var a = checklist.Answers[i];
                var p = $"checklist.answers[{i}]";
                if (string.IsNullOrWhiteSpace(a?.Item))
                {
                    errors.Add($"{p}.item", "is required");
                    continue;
                }
                var item = a.Item.Trim();
                if (template is not null && !items.Contains(item))
                {
                    errors.Add($"{p}.item", $"checklist {template.Code} v{template.Version} has no item '{item}'");
                }
                if (!seen.Add(item))
                {
                    errors.Add($"{p}.item", $"'{item}' is answered twice");
                }
                if (!Kebab.TryParse<ChecklistAnswerValue>(a.Answer, out _))
                {
                    errors.Add($"{p}.answer", "must be one of " + Kebab.Allowed<ChecklistAnswerValue>());
                }
                errors.Optional(a.Note, $"{p}.note", 2000);
            }
            var missing = items.Except(seen).Order(StringComparer.Ordinal).ToArray();
            if (template is not null && missing.Length > 0)
            {
                errors.Add("checklist.answers", "missing answers for: " + string.Join(", ", missing));
            }
        }

        var attendance = request.Attendance ?? [];
        var attendanceIds = new HashSet<Guid>();
        if (attendance.Count > 500)
        {
            errors.Add("attendance", "at most 500 officers per visit");
        }
        for (var i = 0; i < attendance.Count && i < 500; i++)
        {
            var a = attendance[i];
            var p = $"attendance[{i}]";
            if (a?.Id is not { } aid || aid == Guid.Empty)
            {
                errors.Add($"{p}.id", "is required (generated on the device)");
            }
            else if (!attendanceIds.Add(aid))
            {
                errors.Add($"{p}.id", "is listed twice");
            }
            if (string.IsNullOrWhiteSpace(a?.Name) && string.IsNullOrWhiteSpace(a?.StaffNumber))
            {
                errors.Add($"{p}.name", "give the officer's name or staff number (NIP)");
            }
            errors.Optional(a?.Name, $"{p}.name", 200);
            errors.Optional(a?.StaffNumber, $"{p}.staffNumber", 40);
            errors.Optional(a?.Position, $"{p}.position", 200);
            errors.Optional(a?.Note, $"{p}.note", 2000);
            if (!Kebab.TryParse<AttendanceStatus>(a?.Status, out _))
            {
                errors.Add($"{p}.status", "must be one of " + Kebab.Allowed<AttendanceStatus>());
            }
        }

        var findings = request.Findings ?? [];
        var findingIds = new HashSet<Guid>();
        var evidenceIds = (request.Evidence ?? []).Where(e => e?.Id is not null).Select(e => e.Id!.Value).ToHashSet();
        if (findings.Count > 200)
        {
            errors.Add("findings", "at most 200 findings per visit");
        }
        for (var i = 0; i < findings.Count && i < 200; i++)
        {
            var f = findings[i];
            var p = $"findings[{i}]";
            if (f?.Id is not { } fid || fid == Guid.Empty)
            {
                errors.Add($"{p}.id", "is required (generated on the device)");
            }
            else if (!findingIds.Add(fid))
            {
                errors.Add($"{p}.id", "is listed twice");
            }
            if (!Kebab.TryParse<FindingSeverity>(f?.Severity, out _))
            {
                errors.Add($"{p}.severity", "must be one of " + Kebab.Allowed<FindingSeverity>());
            }
            errors.Required(f?.Category, $"{p}.category", 100);
            errors.Required(f?.Description, $"{p}.description", 4000);
            if (f?.ChecklistItem is { } item && template is not null && template.Items.All(x => x.Code != item.Trim()))
            {
                errors.Add($"{p}.checklistItem", $"checklist {template.Code} v{template.Version} has no item '{item}'");
            }
            if (f?.AttendanceId is { } att && !attendanceIds.Contains(att))
            {
                errors.Add($"{p}.attendanceId", "must be the id of an attendance entry of this submission");
            }
            foreach (var ev in f?.EvidenceIds ?? [])
            {
                if (!evidenceIds.Contains(ev))
                {
                    errors.Add($"{p}.evidenceIds", $"{ev} is not an evidence entry of this submission");
                }
            }
        }
        return template;
    }

    private static async Task<List<AttendanceInput>> ResolveOfficersAsync(SubmissionRequest request, Guid unitId, InspectionsDb db, CancellationToken ct)
    {
        var entries = (request.Attendance ?? []).Select(a => (Part: a, Key: UnitOfficer.KeyOf(unitId, a.Name, a.StaffNumber))).ToList();
        var keys = entries.Select(e => e.Key).Distinct().ToList();
        var officers = await db.Officers.Where(o => keys.Contains(o.Key)).ToDictionaryAsync(o => o.Key, ct);
        var result = new List<AttendanceInput>();
        foreach (var (part, key) in entries)
        {
            if (!officers.TryGetValue(key, out var officer))
            {
                officer = UnitOfficer.Create(unitId, part.Name, part.StaffNumber, part.Position);
                officers[key] = officer;
                db.Officers.Add(officer);
            }
            else
            {
                officer.Seen(part.Name, part.Position);
            }
            result.Add(new AttendanceInput(part.Id!.Value, officer, Trim(part.Name) ?? officer.Name, Trim(part.StaffNumber), Trim(part.Position),
                Parse<AttendanceStatus>(part.Status), Trim(part.Note)));
        }
        return result;
    }

    // ---- reads ----

    public static async Task<Ok<VisitPage>> ListVisits(HttpContext http, InspectionsDb db, Access access, Guid? unitId, DateOnly? from, DateOnly? to,
        string? status, CancellationToken ct)
    {
        var user = http.User;
        var query = db.Visits.AsNoTracking();
        if (!user.SeesPlans())
        {
            // Nobody else learns of a visit before it is submitted: not in lists, not in counts.
            query = query.Where(v => v.Status == VisitStatus.Submitted);
            if (!user.ReadsAllSubmitted())
            {
                var scope = unitId ?? user.GetUnitId();
                if (scope is null || !await access.CoversUnitAsync(user, scope.Value, ct))
                {
                    return TypedResults.Ok(new VisitPage([], 0));
                }
                unitId = scope;
            }
        }
        if (unitId is { } u)
        {
            query = query.Where(v => v.UnitId == u);
        }
        if (from is { } f)
        {
            query = query.Where(v => v.LocalDate >= f);
        }
        if (to is { } t)
        {
            query = query.Where(v => v.LocalDate <= t);
        }
        if (Kebab.TryParse<VisitStatus>(status, out var st))
        {
            query = query.Where(v => v.Status == st);
        }
        var showPlan = user.SeesPlans();
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(v => v.CheckIn.DeviceTime).Take(500).ToListAsync(ct);
        return TypedResults.Ok(new VisitPage(items.Select(v => new VisitSummaryView(v.Id, showPlan ? v.PlanId : null, v.UnitId, v.LocalDate,
            Kebab.Of(v.Status), v.CheckIn.DeviceTime, v.CheckIn.Flags != CheckInFlags.None, v.SubmittedAt, v.ComplianceScore,
            v.CheckIn.Flags.HasFlag(CheckInFlags.Backdated))).ToList(), total));
    }

    public static async Task<Results<Ok<VisitView>, ProblemHttpResult>> GetVisit(Guid id, HttpContext http, InspectionsDb db, Access access,
        CancellationToken ct)
    {
        var visit = await LoadVisitAsync(db, id, ct);
        if (visit is null || !await access.CanSeeVisitAsync(http.User, visit.UnitId, visit.Status, ct))
        {
            return Problems.NotFound();
        }
        return TypedResults.Ok(VisitView.From(visit, http.User.SeesPlans(), await access.CanSeeOfficersAsync(http.User, visit.UnitId, ct)));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetEvidence(Guid id, Guid evidenceId, HttpContext http,
        InspectionsDb db, IEvidenceStore store, Access access, CancellationToken ct)
    {
        var visit = await db.Visits.AsNoTracking().Where(v => v.Id == id).Select(v => new { v.UnitId, v.Status }).FirstOrDefaultAsync(ct);
        if (visit is null || !await access.CanSeeVisitAsync(http.User, visit.UnitId, visit.Status, ct))
        {
            return Problems.NotFound();
        }
        // Evidence of a finding that names an officer is for those who may see per-officer findings.
        if (!await access.CanSeeOfficersAsync(http.User, visit.UnitId, ct)
            && !VisitView.From((await LoadVisitAsync(db, id, ct, tracked: false))!, false, false).Evidence.Any(e => e.Id == evidenceId))
        {
            return Problems.NotFound();
        }
        var meta = await db.Evidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == evidenceId && e.VisitId == id, ct);
        var bytes = meta is null ? null : await store.ReadAsync(evidenceId, ct);
        if (meta is null || bytes is null)
        {
            return Problems.NotFound();
        }
        http.Response.Headers["X-Content-SHA256"] = meta.Sha256;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(bytes, meta.ContentType, Uploads.SafeFileName(meta.FileName, $"{evidenceId}"));
    }

    // ---- amendments and the record ----

    public static async Task<Results<Created<AmendmentView>, Ok<AmendmentView>, ValidationProblem, ProblemHttpResult>> Amend(Guid id,
        AmendmentRequest request, HttpContext http, InspectionsDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!http.User.IsSatgas())
        {
            return Problems.Forbidden("Only the satgas amends visits.");
        }
        var errors = new FieldErrors();
        var target = errors.Required(request.Target, "target", 200);
        var correction = errors.Required(request.Correction, "correction", 4000);
        var reason = errors.Required(request.Reason, "reason", 2000);
        if (request.Id == Guid.Empty)
        {
            errors.Add("id", "must not be the empty guid");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var visit = await LoadVisitAsync(db, id, ct, tracked: true);
        if (visit is null)
        {
            return Problems.NotFound();
        }
        if (!TargetExists(visit, target!))
        {
            return Problems.Validation("target", "must be summary, check-in, checklist:<item>, finding:<id>, attendance:<id> or evidence:<id> of this visit");
        }
        var amendmentId = request.Id ?? Guid.CreateVersion7();
        if (visit.Amendments.FirstOrDefault(a => a.Id == amendmentId) is { } existing)
        {
            return existing.SameAs(target!, correction!, reason!)
                ? TypedResults.Ok(ToView(existing))
                : Problems.Conflict("Another amendment already uses this id.");
        }
        var amendment = visit.Amend(amendmentId, target!, correction!, reason!, http.User.Subject(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/inspections/visits/{id}", ToView(amendment));
    }

    /// <summary>
    /// A satgas lead (<c>Inspections:SatgasLeads</c>; when none are configured, a satgas other than the one who submitted
    /// the visit) or an admin confirms a backdated visit; until then no sanction rests on it.
    /// </summary>
    public static async Task<Results<Ok<VisitView>, ValidationProblem, ProblemHttpResult>> ConfirmBackdating(Guid id, BackdatingConfirmationRequest request,
        HttpContext http, InspectionsDb db, IOptions<InspectionsOptions> options, UnitRecordCache cache, TimeProvider clock, CancellationToken ct)
    {
        // Who may act is answered before what was sent: a role that may not confirm gets 403, never a field error.
        if (!http.User.IsSatgas() && !http.User.IsInRole(TinjauRoles.Admin))
        {
            return Problems.Forbidden("A satgas lead or an admin confirms a backdated visit.");
        }
        var errors = new FieldErrors();
        var note = errors.Required(request.Note, "note", 2000);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var visit = await LoadVisitAsync(db, id, ct, tracked: true);
        if (visit is null || !http.User.SeesPlans())
        {
            return Problems.NotFound();
        }
        var user = http.User;
        var leads = options.Value.SatgasLeads;
        var isLead = user.IsInRole(TinjauRoles.Admin) || (user.IsSatgas() && (leads.Count > 0
            ? leads.Contains(user.Subject(), StringComparer.Ordinal)
            : visit.SubmittedBy != user.Subject()));
        if (!isLead)
        {
            return Problems.Forbidden("A satgas lead (not the satgas who submitted the visit) or an admin confirms a backdated visit.");
        }
        visit.ConfirmBackdating(note!, user.Subject(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(visit.UnitId);
        return TypedResults.Ok(VisitView.From(visit, true));
    }

    private static AmendmentView ToView(Amendment a) => new(a.Id, a.Target, a.Correction, a.Reason, a.By, a.At);

    private static bool TargetExists(SidakVisit visit, string target)
    {
        if (target is "summary" or "check-in")
        {
            return true;
        }
        var parts = target.Split(':', 2);
        if (parts.Length != 2)
        {
            return false;
        }
        return parts[0] switch
        {
            "checklist" => visit.Answers.Any(a => a.ItemCode == parts[1]),
            "finding" => Guid.TryParse(parts[1], out var f) && visit.Findings.Any(x => x.Id == f),
            "attendance" => Guid.TryParse(parts[1], out var a) && visit.Attendance.Any(x => x.Id == a),
            "evidence" => Guid.TryParse(parts[1], out var e) && visit.Evidence.Any(x => x.Id == e),
            _ => false,
        };
    }

    public static async Task<Results<Ok<ChainVerificationView>, ProblemHttpResult>> VerifyChain(Guid id, HttpContext http, InspectionsDb db,
        Access access, CancellationToken ct)
    {
        var visit = await LoadVisitAsync(db, id, ct);
        if (visit is null || !await access.CanSeeVisitAsync(http.User, visit.UnitId, visit.Status, ct))
        {
            return Problems.NotFound();
        }
        var problems = visit.VerifyRecord();
        return TypedResults.Ok(new ChainVerificationView(id, problems.Count == 0, visit.RecordEntries.Count,
            visit.RecordEntries.OrderBy(e => e.Sequence).LastOrDefault()?.Hash, problems));
    }

    internal static async Task<SidakVisit?> LoadVisitAsync(InspectionsDb db, Guid id, CancellationToken ct, bool tracked = true)
    {
        var query = db.Visits
            .Include(v => v.Answers)
            .Include(v => v.Attendance)
            .Include(v => v.Findings)
            .Include(v => v.Evidence)
            .Include(v => v.Amendments)
            .Include(v => v.RecordEntries)
            .AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(v => v.Id == id, ct);
    }

    internal static T Parse<T>(string? value) where T : struct, Enum =>
        Kebab.TryParse<T>(value, out var result) ? result : throw new InvalidOperationException($"'{value}' was validated as a {typeof(T).Name}.");

    internal static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
