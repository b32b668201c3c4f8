namespace Tinjau.Inspections.Api.Domain;

public enum VisitStatus
{
    /// <summary>Checked in on site, not yet submitted. Nobody outside the satgas, leadership and admins sees it (<c>Application/SidakSecrecy.cs</c>).</summary>
    InProgress,
    /// <summary>Submitted: immutable; corrections are appended as amendments.</summary>
    Submitted,
}

public enum FindingSeverity
{
    Low,
    Medium,
    High,
}

/// <summary>Where and when the officer started the visit, and what the service made of it.</summary>
public sealed class CheckIn
{
    public DateTimeOffset DeviceTime { get; internal set; }
    public DateTimeOffset ReceivedAt { get; internal set; }
    public double Latitude { get; internal set; }
    public double Longitude { get; internal set; }
    public double? AccuracyMetres { get; internal set; }
    /// <summary>Null when the unit registry could not answer.</summary>
    public bool? InsideServiceHours { get; internal set; }
    /// <summary>Distance to the unit's recorded location; null when unknown.</summary>
    public double? DistanceMetres { get; internal set; }
    public CheckInFlags Flags { get; internal set; }
    public string CheckedInBy { get; internal set; } = "";
}

public sealed class ChecklistAnswer
{
    private ChecklistAnswer()
    {
    }

    public Guid VisitId { get; private set; }
    public string ItemCode { get; private set; } = "";
    public ChecklistAnswerValue Answer { get; private set; }
    public string? Note { get; private set; }

    internal static ChecklistAnswer Create(Guid visitId, string item, ChecklistAnswerValue answer, string? note) =>
        new() { VisitId = visitId, ItemCode = item, Answer = answer, Note = note };
}

public sealed class Finding
{
    private Finding()
    {
    }

    public Guid Id { get; private set; }
    public Guid VisitId { get; private set; }
    public Guid UnitId { get; private set; }
    public FindingSeverity Severity { get; private set; }
    public string Category { get; private set; } = "";
    public string? ChecklistItem { get; private set; }
    public string Description { get; private set; } = "";
    /// <summary>The attendance record of the officer at fault, if the finding concerns one.</summary>
    public Guid? AttendanceRecordId { get; private set; }
    public Guid? OfficerId { get; private set; }
    public List<Guid> EvidenceIds { get; private set; } = [];
    public DateTimeOffset ObservedAt { get; private set; }

    internal static Finding Create(Guid id, Guid visitId, Guid unitId, FindingSeverity severity, string category, string? checklistItem,
        string description, Guid? attendanceRecordId, Guid? officerId, IEnumerable<Guid> evidenceIds, DateTimeOffset observedAt) => new()
        {
            Id = id,
            VisitId = visitId,
            UnitId = unitId,
            Severity = severity,
            Category = category,
            ChecklistItem = checklistItem,
            Description = description,
            AttendanceRecordId = attendanceRecordId,
            OfficerId = officerId,
            EvidenceIds = evidenceIds.Distinct().Order().ToList(),
            ObservedAt = Instants.Normalize(observedAt),
        };
}

/// <summary>Metadata of a photo or document; the bytes live in the <c>IEvidenceStore</c>.</summary>
public sealed class EvidenceItem
{
    private EvidenceItem()
    {
    }

    public Guid Id { get; private set; }
    public Guid VisitId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = "";
    public DateTimeOffset? CapturedAt { get; private set; }

    internal static EvidenceItem Create(Guid id, Guid visitId, string fileName, string contentType, long size, string sha256,
        DateTimeOffset? capturedAt) => new()
        {
            Id = id,
            VisitId = visitId,
            FileName = fileName,
            ContentType = contentType,
            SizeBytes = size,
            Sha256 = sha256,
            CapturedAt = capturedAt is { } c ? Instants.Normalize(c) : null,
        };
}

/// <summary>A correction to a submitted visit: appended, never replacing what was submitted.</summary>
public sealed class Amendment
{
    private Amendment()
    {
    }

    public Guid Id { get; private set; }
    public Guid VisitId { get; private set; }
    /// <summary>What is corrected, e.g. "finding:&lt;id&gt;", "checklist:toilet", "attendance:&lt;id&gt;", "summary".</summary>
    public string Target { get; private set; } = "";
    public string Correction { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    internal static Amendment Create(Guid id, Guid visitId, string target, string correction, string reason, string by, DateTimeOffset at) =>
        new() { Id = id, VisitId = visitId, Target = target, Correction = correction, Reason = reason, By = by, At = Instants.Normalize(at) };

    public bool SameAs(string target, string correction, string reason) =>
        Target == target && Correction == correction && Reason == reason;
}

public sealed record AnswerInput(string Item, ChecklistAnswerValue Answer, string? Note);

public sealed record AttendanceInput(Guid Id, UnitOfficer Officer, string Name, string? StaffNumber, string? Position,
    AttendanceStatus Status, string? Note);

public sealed record FindingInput(Guid Id, FindingSeverity Severity, string Category, string? ChecklistItem, string Description,
    Guid? AttendanceId, IReadOnlyList<Guid> EvidenceIds, DateTimeOffset? ObservedAt);

public sealed record EvidenceInput(Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset? CapturedAt);

public sealed record SubmissionContent(ChecklistTemplate Template, IReadOnlyList<AnswerInput> Answers, IReadOnlyList<AttendanceInput> Attendance,
    IReadOnlyList<FindingInput> Findings, IReadOnlyList<EvidenceInput> Evidence, string? Summary);

/// <summary>
/// A sidak visit to one unit: check-in on site, then one submission (checklist, attendance, findings, evidence), then
/// only amendments. Every step is appended to a hash-chained record.
/// </summary>
public sealed class SidakVisit : RaisesIntegrationEvents
{
    public const string CheckInKind = "check-in";
    public const string SubmissionKind = "submission";
    public const string AmendmentKind = "amendment";
    public const string BackdatingConfirmedKind = "backdating-confirmed";

    private SidakVisit()
    {
    }

    public Guid Id { get; private set; }
    public Guid? PlanId { get; private set; }
    public Guid UnitId { get; private set; }
    public string UnitTimeZone { get; private set; } = "";
    /// <summary>The visit day in the unit's time zone (attendance is recorded per person per day).</summary>
    public DateOnly LocalDate { get; private set; }
    public VisitStatus Status { get; private set; }
    public CheckIn CheckIn { get; private set; } = new();
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public string? SubmissionFingerprint { get; private set; }
    public string? ChecklistCode { get; private set; }
    public int? ChecklistVersion { get; private set; }
    public decimal? ComplianceScore { get; private set; }
    public string? Summary { get; private set; }
    public uint Version { get; private set; }

    public List<ChecklistAnswer> Answers { get; private set; } = [];
    public List<AttendanceRecord> Attendance { get; private set; } = [];
    public List<Finding> Findings { get; private set; } = [];
    public List<EvidenceItem> Evidence { get; private set; } = [];
    public List<Amendment> Amendments { get; private set; } = [];
    public List<VisitRecordEntry> RecordEntries { get; private set; } = [];

    public static SidakVisit Start(Guid id, SidakPlan? plan, Guid unitId, string unitTimeZone, DateOnly localDate, CheckIn checkIn,
        DateTimeOffset at)
    {
        plan?.EnsureVisitAllowed(unitId);
        checkIn.DeviceTime = Instants.Normalize(checkIn.DeviceTime);
        checkIn.ReceivedAt = Instants.Normalize(checkIn.ReceivedAt);
        checkIn.DistanceMetres = checkIn.DistanceMetres is { } d ? Math.Round(d, 1) : null;
        var visit = new SidakVisit
        {
            Id = id,
            PlanId = plan?.Id,
            UnitId = unitId,
            UnitTimeZone = unitTimeZone,
            LocalDate = localDate,
            Status = VisitStatus.InProgress,
            CheckIn = checkIn,
        };
        visit.Append(CheckInKind, visit.CheckInSnapshot(), checkIn.CheckedInBy, at);
        return visit;
    }

    /// <summary>True when this check-in is the same as the one recorded (a re-sent check-in).</summary>
    public bool SameCheckIn(Guid? planId, Guid unitId, DateTimeOffset deviceTime, double latitude, double longitude) =>
        PlanId == planId && UnitId == unitId && CheckIn.DeviceTime == Instants.Normalize(deviceTime)
        && CheckIn.Latitude.Equals(latitude) && CheckIn.Longitude.Equals(longitude);

    public void Submit(SubmissionContent content, string fingerprint, string by, DateTimeOffset at)
    {
        if (Status != VisitStatus.InProgress)
        {
            throw new DomainException("The visit is already submitted; corrections are amendments.");
        }
        var template = content.Template;
        var items = template.Items.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var answered = content.Answers.Select(a => a.Item).ToHashSet(StringComparer.Ordinal);
        if (!items.SetEquals(answered) || answered.Count != content.Answers.Count)
        {
            throw new DomainException($"Every item of checklist {template.Code} v{template.Version} must be answered exactly once.");
        }
        var attendanceIds = content.Attendance.Select(a => a.Id).ToHashSet();
        var evidenceIds = content.Evidence.Select(e => e.Id).ToHashSet();
        foreach (var finding in content.Findings)
        {
            if (finding.AttendanceId is { } aid && !attendanceIds.Contains(aid))
            {
                throw new DomainException($"Finding {finding.Id} refers to attendance {aid}, which is not in this submission.");
            }
            if (finding.EvidenceIds.Any(e => !evidenceIds.Contains(e)))
            {
                throw new DomainException($"Finding {finding.Id} refers to evidence that is not in this submission.");
            }
            if (finding.ChecklistItem is { } item && !items.Contains(item))
            {
                throw new DomainException($"Finding {finding.Id} refers to checklist item {item}, which the template does not have.");
            }
        }
        if (content.Attendance.Select(a => a.Officer.Key).Distinct(StringComparer.Ordinal).Count() != content.Attendance.Count)
        {
            throw new DomainException("An officer appears twice in the attendance; attendance is one record per person per day.");
        }

        Answers.AddRange(content.Answers.Select(a => ChecklistAnswer.Create(Id, a.Item, a.Answer, a.Note)));
        Attendance.AddRange(content.Attendance.Select(a => AttendanceRecord.Create(a.Id, Id, UnitId, a.Officer.Id, LocalDate, a.Name,
            a.StaffNumber, a.Position, a.Status, a.Note)));
        var officerOf = content.Attendance.ToDictionary(a => a.Id, a => a.Officer.Id);
        Findings.AddRange(content.Findings.Select(f => Finding.Create(f.Id, Id, UnitId, f.Severity, f.Category, f.ChecklistItem, f.Description,
            f.AttendanceId, f.AttendanceId is { } aid ? officerOf[aid] : null, f.EvidenceIds, f.ObservedAt ?? CheckIn.DeviceTime)));
        Evidence.AddRange(content.Evidence.Select(e => EvidenceItem.Create(e.Id, Id, e.FileName, e.ContentType, e.SizeBytes, e.Sha256, e.CapturedAt)));
        ChecklistCode = template.Code;
        ChecklistVersion = template.Version;
        ComplianceScore = Domain.ComplianceScore.Of(content.Answers.Select(a => a.Answer));
        Summary = content.Summary;
        SubmissionFingerprint = fingerprint;
        SubmittedBy = by;
        SubmittedAt = Instants.Normalize(at);
        Status = VisitStatus.Submitted;
        Append(SubmissionKind, SubmissionSnapshot(), by, at);
        Raise(InspectionEvents.Completed(this, at));
        foreach (var finding in Findings)
        {
            Raise(InspectionEvents.Violation(finding, IsBackdated, at));
        }
    }

    public Amendment Amend(Guid amendmentId, string target, string correction, string reason, string by, DateTimeOffset at)
    {
        if (Status != VisitStatus.Submitted)
        {
            throw new DomainException("Only a submitted visit is amended; until then, submit the corrected visit.");
        }
        var amendment = Amendment.Create(amendmentId, Id, target, correction, reason, by, at);
        Amendments.Add(amendment);
        Append(AmendmentKind, AmendmentSnapshot(amendment), by, at);
        return amendment;
    }

    /// <summary>Appends a step to the visit's hash-chained record (the entries must be loaded).</summary>
    public VisitRecordEntry Append(string kind, JsonNode payload, string by, DateTimeOffset at)
    {
        var last = RecordEntries.OrderBy(e => e.Sequence).LastOrDefault();
        var entry = VisitRecordEntry.Create(Id, (last?.Sequence ?? 0) + 1, kind, payload, by, at, last?.Hash ?? HashChain.Genesis);
        RecordEntries.Add(entry);
        return entry;
    }

    /// <summary>The device time lay far before the server received the visit (<see cref="CheckInFlags.Backdated"/>).</summary>
    public bool IsBackdated => CheckIn.Flags.HasFlag(CheckInFlags.Backdated);

    public bool BackdatingConfirmed => RecordEntries.Any(e => e.Kind == BackdatingConfirmedKind);

    /// <summary>A backdated visit no satgas lead has confirmed yet: nothing resting on it drives a sanction.</summary>
    public bool NeedsBackdatingConfirmation => IsBackdated && !BackdatingConfirmed;

    /// <summary>
    /// A satgas lead confirms that a backdated visit did take place when its device says (appended to the record, so
    /// the confirmation is hash-chained like every step). Confirming twice changes nothing.
    /// </summary>
    public void ConfirmBackdating(string note, string by, DateTimeOffset at)
    {
        if (!IsBackdated)
        {
            throw new DomainException("This visit is not backdated: there is nothing to confirm.");
        }
        if (Status != VisitStatus.Submitted)
        {
            throw new DomainException("Only a submitted visit is confirmed.");
        }
        if (!BackdatingConfirmed)
        {
            Append(BackdatingConfirmedKind, new JsonObject { ["note"] = note, ["deviceTime"] = Instants.Format(CheckIn.DeviceTime) }, by, at);
        }
    }

    public int CountFindings(FindingSeverity severity) => Findings.Count(f => f.Severity == severity);

    public JsonObject CheckInSnapshot() => new()
    {
        ["visitId"] = Id.ToString(),
        ["planId"] = PlanId?.ToString(),
        ["unitId"] = UnitId.ToString(),
        ["unitTimeZone"] = UnitTimeZone,
        ["localDate"] = LocalDate.ToString("yyyy-MM-dd"),
        ["deviceTime"] = Instants.Format(CheckIn.DeviceTime),
        ["receivedAt"] = Instants.Format(CheckIn.ReceivedAt),
        ["latitude"] = CheckIn.Latitude,
        ["longitude"] = CheckIn.Longitude,
        ["accuracyMetres"] = CheckIn.AccuracyMetres,
        ["insideServiceHours"] = CheckIn.InsideServiceHours,
        ["distanceMetres"] = CheckIn.DistanceMetres,
        ["flags"] = (int)CheckIn.Flags,
        ["checkedInBy"] = CheckIn.CheckedInBy,
    };

    /// <summary>What was submitted, rebuilt from the stored rows (so a change to any row shows in verification).</summary>
    public JsonObject SubmissionSnapshot() => new()
    {
        ["visitId"] = Id.ToString(),
        ["submittedAt"] = SubmittedAt is { } s ? Instants.Format(s) : null,
        ["submittedBy"] = SubmittedBy,
        ["fingerprint"] = SubmissionFingerprint,
        ["summary"] = Summary,
        ["checklist"] = new JsonObject
        {
            ["code"] = ChecklistCode,
            ["version"] = ChecklistVersion,
            ["answers"] = new JsonArray(Answers.OrderBy(a => a.ItemCode, StringComparer.Ordinal).Select(a => (JsonNode)new JsonObject
            {
                ["item"] = a.ItemCode,
                ["answer"] = Kebab.Of(a.Answer),
                ["note"] = a.Note,
            }).ToArray()),
        },
        ["attendance"] = new JsonArray(Attendance.OrderBy(a => a.Id).Select(a => (JsonNode)new JsonObject
        {
            ["id"] = a.Id.ToString(),
            ["officerId"] = a.OfficerId.ToString(),
            ["date"] = a.Date.ToString("yyyy-MM-dd"),
            ["name"] = a.Name,
            ["staffNumber"] = a.StaffNumber,
            ["position"] = a.Position,
            ["status"] = Kebab.Of(a.Status),
            ["note"] = a.Note,
        }).ToArray()),
        ["findings"] = new JsonArray(Findings.OrderBy(f => f.Id).Select(f => (JsonNode)new JsonObject
        {
            ["id"] = f.Id.ToString(),
            ["severity"] = Kebab.Of(f.Severity),
            ["category"] = f.Category,
            ["checklistItem"] = f.ChecklistItem,
            ["description"] = f.Description,
            ["attendanceId"] = f.AttendanceRecordId?.ToString(),
            ["officerId"] = f.OfficerId?.ToString(),
            ["evidenceIds"] = new JsonArray(f.EvidenceIds.Order().Select(e => (JsonNode)e.ToString()).ToArray()),
            ["observedAt"] = Instants.Format(f.ObservedAt),
        }).ToArray()),
        ["evidence"] = new JsonArray(Evidence.OrderBy(e => e.Id).Select(e => (JsonNode)new JsonObject
        {
            ["id"] = e.Id.ToString(),
            ["fileName"] = e.FileName,
            ["contentType"] = e.ContentType,
            ["sizeBytes"] = e.SizeBytes,
            ["sha256"] = e.Sha256,
            ["capturedAt"] = e.CapturedAt is { } c ? Instants.Format(c) : null,
        }).ToArray()),
    };

    public static JsonObject AmendmentSnapshot(Amendment a) => new()
    {
        ["id"] = a.Id.ToString(),
        ["target"] = a.Target,
        ["correction"] = a.Correction,
        ["reason"] = a.Reason,
        ["by"] = a.By,
        ["at"] = Instants.Format(a.At),
    };

    /// <summary>
    /// Verifies the chain's hashes and that the check-in, the submission and every amendment in the chain match
    /// the rows stored now (entities and record entries must be loaded).
    /// </summary>
    public IReadOnlyList<ChainProblem> VerifyRecord()
    {
        var problems = HashChain.Verify(RecordEntries).ToList();
        var entries = RecordEntries.OrderBy(e => e.Sequence).ToList();

        void Compare(string kind, Func<VisitRecordEntry, bool> match, JsonNode expected, string what)
        {
            var entry = entries.FirstOrDefault(match);
            if (entry is null)
            {
                problems.Add(new ChainProblem(0, $"the record has no {kind} entry for {what}"));
            }
            else if (!SafeCanonical(entry.Payload).Equals(CanonicalJson.Serialize(expected), StringComparison.Ordinal))
            {
                problems.Add(new ChainProblem(entry.Sequence, $"the stored {what} differs from the recorded {kind}"));
            }
        }

        Compare(CheckInKind, e => e.Kind == CheckInKind, CheckInSnapshot(), "check-in");
        if (Status == VisitStatus.Submitted)
        {
            Compare(SubmissionKind, e => e.Kind == SubmissionKind, SubmissionSnapshot(), "submission");
        }
        foreach (var amendment in Amendments)
        {
            var id = amendment.Id.ToString();
            Compare(AmendmentKind, e => e.Kind == AmendmentKind && e.Payload.Contains(id, StringComparison.Ordinal),
                AmendmentSnapshot(amendment), $"amendment {id}");
        }
        return problems;
    }

    private static string SafeCanonical(string json)
    {
        try
        {
            return CanonicalJson.Canonicalize(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return "";
        }
    }
}
