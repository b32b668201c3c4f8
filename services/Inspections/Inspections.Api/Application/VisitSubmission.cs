
namespace Tinjau.Inspections.Api.Application;

/// <summary>
/// A whole visit submitted in one request (possibly built offline): checked, stored with its evidence files in one
/// transaction with <c>InspectionCompleted</c> and one <c>ViolationRecorded</c> per finding in the outbox. Idempotent:
/// the same payload again answers the stored visit, a different one is a conflict.
/// </summary>
public sealed class VisitSubmission(InspectionsDb db, InspectionsScope scope, VisitCheckIn checkIn, IEvidenceStore store, UnitRecordCache cache,
    IOptions<InspectionsOptions> options, TimeProvider clock)
{
    public async Task<Outcome<VisitView>> SubmitAsync(Guid id, string json, IReadOnlyDictionary<Guid, SubmissionFile> parts, CancellationToken ct)
    {
        JsonNode? node;
        SubmissionRequest? request;
        try
        {
            node = JsonNode.Parse(json, documentOptions: PlatformJson.DocumentOptions);
            request = node?.Deserialize<SubmissionRequest>(PlatformJson.Options);
        }
        catch (JsonException ex)
        {
            return Refusal.Invalid("submission", "is not a valid submission: " + ex.Message);
        }
        if (request is null || node is not JsonObject requestObject)
        {
            return Refusal.Invalid("submission", "is required");
        }

        var errors = new FieldErrors();
        var files = SubmissionValidation.ResolveEvidence(request, parts, options.Value, errors, out var tooLarge);
        if (tooLarge is not null)
        {
            return Refusal.TooLarge(tooLarge);
        }
        if (errors.Any)
        {
            return Refusal.Invalid(errors);
        }

        var fingerprint = Fingerprint(id, requestObject, files);
        var visit = await db.Visits.VisibleTo(scope).LoadAsync(id, ct);
        if (visit is { Status: VisitStatus.Submitted })
        {
            return SubmissionIdempotency.Decide(true, visit.SubmissionFingerprint, fingerprint) == SubmissionOutcome.Replay
                ? scope.ViewFor(visit)
                : Refusal.Conflict("This visit was already submitted with a different payload; corrections are amendments.");
        }

        var template = await SubmissionValidation.ValidateAsync(request, db, errors, ct);
        if (errors.Any || template is null)
        {
            return Refusal.Invalid(errors);
        }

        if (visit is null)
        {
            if (request.CheckIn is not { } c)
            {
                return Refusal.Invalid("checkIn", "is required: this visit was not checked in before");
            }
            if (request.UnitId is null || request.UnitId == Guid.Empty)
            {
                return Refusal.Invalid("unitId", "is required");
            }
            visit = await checkIn.StartAsync(id, request.PlanId, request.UnitId.Value, c.DeviceTime!.Value, c.Latitude!.Value, c.Longitude!.Value,
                c.AccuracyMetres, errors, ct);
            if (visit is null)
            {
                return Refusal.Invalid(errors);
            }
            db.Visits.Add(visit);
        }
        else
        {
            if (request.UnitId is { } u && u != visit.UnitId)
            {
                return Refusal.Conflict("The visit was checked in at another unit.");
            }
            if (request.CheckIn is { } c && !visit.SameCheckIn(request.PlanId ?? visit.PlanId, visit.UnitId, c.DeviceTime!.Value, c.Latitude!.Value,
                    c.Longitude!.Value))
            {
                return Refusal.Conflict("The check-in in the submission differs from the one recorded for this visit.");
            }
        }

        var attendance = await ResolveOfficersAsync(request, visit.UnitId, ct);
        var content = new SubmissionContent(template,
            request.Checklist!.Answers!.Select(a => new AnswerInput(a.Item!.Trim(), Kebab.Parse<ChecklistAnswerValue>(a.Answer), a.Note.Trimmed())).ToList(),
            attendance,
            (request.Findings ?? []).Select(f => new FindingInput(f.Id!.Value, Kebab.Parse<FindingSeverity>(f.Severity), f.Category!.Trim(),
                f.ChecklistItem.Trimmed(), f.Description!.Trim(), f.AttendanceId, f.EvidenceIds ?? [], f.ObservedAt)).ToList(),
            files.Select(f => f.Input).ToList(),
            request.Summary.Trimmed());
        var now = clock.GetUtcNow();
        visit.Submit(content, fingerprint, scope.Subject, now);
        foreach (var file in files)
        {
            store.Stage(file.Input.Id, file.Bytes);
        }
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(visit.UnitId);
        return Outcome<VisitView>.Created(scope.ViewFor(visit));
    }

    /// <summary>Fingerprint of the payload as sent (member order and white space do not matter), with each file's hash.</summary>
    private static string Fingerprint(Guid id, JsonObject requestObject, List<EvidenceFile> files)
    {
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
        return HashChain.Sha256Hex(CanonicalJson.Serialize(fingerprintSource));
    }

    private async Task<List<AttendanceInput>> ResolveOfficersAsync(SubmissionRequest request, Guid unitId, CancellationToken ct)
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
            result.Add(new AttendanceInput(part.Id!.Value, officer, part.Name.Trimmed() ?? officer.Name, part.StaffNumber.Trimmed(), part.Position.Trimmed(),
                Kebab.Parse<AttendanceStatus>(part.Status), part.Note.Trimmed()));
        }
        return result;
    }
}
