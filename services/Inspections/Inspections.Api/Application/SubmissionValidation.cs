using System.Security.Cryptography;

namespace Tinjau.Inspections.Api.Application;

/// <summary>A file part of a multipart submission, by its evidence id.</summary>
public sealed record SubmissionFile(byte[] Bytes, string? ContentType, string FileName);

/// <summary>An evidence entry of a submission with its bytes, checked.</summary>
internal sealed record EvidenceFile(EvidenceInput Input, byte[] Bytes);

/// <summary>The checks of a whole-visit submission: its evidence files, checklist, attendance and findings.</summary>
internal static class SubmissionValidation
{
    internal static List<EvidenceFile> ResolveEvidence(SubmissionRequest request, IReadOnlyDictionary<Guid, SubmissionFile> parts,
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
            if (!NewDeviceId(errors, e?.Id, $"{p}.id", declared))
            {
                continue;
            }
            var eid = e!.Id!.Value;
            byte[] bytes;
            string? partType = null;
            string? partName = null;
            if (parts.TryGetValue(eid, out var part))
            {
                (bytes, partType, partName) = (part.Bytes, part.ContentType, part.FileName);
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
            var fileName = Uploads.SafeFileName(e.FileName.Trimmed() ?? partName.Trimmed(), $"{eid}");
            result.Add(new EvidenceFile(new EvidenceInput(eid, fileName, contentType, bytes.Length, sha, e.CapturedAt), bytes));
        }
        foreach (var extra in parts.Keys.Where(k => !declared.Contains(k)))
        {
            errors.Add(extra.ToString(), "this file part is not listed in evidence");
        }
        return result;
    }

    internal static async Task<ChecklistTemplate?> ValidateAsync(SubmissionRequest request, InspectionsDb db, FieldErrors errors,
        CancellationToken ct)
    {
        if (request.CheckIn is { } c)
        {
            VisitCheckIn.Validate(c.DeviceTime, c.Latitude, c.Longitude, c.AccuracyMetres, "checkIn.", errors);
        }
        errors.Check(request);

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
            NewDeviceId(errors, a?.Id, $"{p}.id", attendanceIds);
            if (string.IsNullOrWhiteSpace(a?.Name) && string.IsNullOrWhiteSpace(a?.StaffNumber))
            {
                errors.Add($"{p}.name", "give the officer's name or staff number (NIP)");
            }
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
            NewDeviceId(errors, f?.Id, $"{p}.id", findingIds);
            if (!Kebab.TryParse<FindingSeverity>(f?.Severity, out _))
            {
                errors.Add($"{p}.severity", "must be one of " + Kebab.Allowed<FindingSeverity>());
            }
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

    /// <summary>The client-generated id of a list entry: given, not the empty guid, not listed before.</summary>
    private static bool NewDeviceId(FieldErrors errors, Guid? id, string field, HashSet<Guid> seen)
    {
        if (id is not { } value || value == Guid.Empty)
        {
            errors.Add(field, "is required (generated on the device)");
            return false;
        }
        if (!seen.Add(value))
        {
            errors.Add(field, "is listed twice");
            return false;
        }
        return true;
    }
}
