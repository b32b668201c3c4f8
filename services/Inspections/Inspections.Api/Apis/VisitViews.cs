namespace Tinjau.Inspections.Api.Apis;

public sealed record CheckInView(DateTimeOffset DeviceTime, DateTimeOffset ReceivedAt, double Latitude, double Longitude, double? AccuracyMetres,
    bool? InsideServiceHours, double? DistanceMetres, bool Flagged, IReadOnlyList<string> Flags);

public sealed record AnswerView(string Item, string Answer, string? Note);

/// <summary><see cref="Backdated"/>: recorded by a backdated visit (see <see cref="VisitView.Backdated"/>).</summary>
public sealed record AttendanceView(Guid Id, Guid OfficerId, DateOnly Date, string Name, string? StaffNumber, string? Position, string Status, string? Note,
    bool Backdated = false);

public sealed record FindingView(Guid Id, string Severity, string Category, string? ChecklistItem, string Description, Guid? AttendanceId,
    Guid? OfficerId, IReadOnlyList<Guid> EvidenceIds, DateTimeOffset ObservedAt, bool Backdated = false);

public sealed record EvidenceView(Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset? CapturedAt, string Url);

public sealed record AmendmentView(Guid Id, string Target, string Correction, string Reason, string By, DateTimeOffset At);

/// <summary>
/// A visit as its reader may see it. <see cref="PlanId"/> is null for readers who may not know of plans. Readers who may
/// not see per-officer attendance (<see cref="Application.InspectionsScope.SeesOfficersAsync"/>) get no attendance list, only the findings
/// that name no officer, and neither the evidence nor the amendments of what they do not see
/// (<see cref="OfficersWithheld"/>).
/// </summary>
public sealed record VisitView(Guid Id, Guid? PlanId, Guid UnitId, string UnitTimeZone, DateOnly LocalDate, string Status, CheckInView CheckIn,
    DateTimeOffset? SubmittedAt, string? ChecklistCode, int? ChecklistVersion, decimal? ComplianceScore, string? Summary,
    IReadOnlyList<AnswerView> Checklist, IReadOnlyList<AttendanceView> Attendance, IReadOnlyList<FindingView> Findings,
    IReadOnlyList<EvidenceView> Evidence, IReadOnlyList<AmendmentView> Amendments, string? RecordHash, bool OfficersWithheld = false,
    bool Backdated = false, bool BackdatingConfirmed = false)
{
    public static VisitView From(SidakVisit v, bool showPlan, bool showOfficers) =>
        showOfficers ? From(v, showPlan) : UnitLevel(From(v, showPlan));

    private static VisitView UnitLevel(VisitView v)
    {
        var findings = v.Findings.Where(f => f.OfficerId is null && f.AttendanceId is null).ToList();
        var shownEvidence = findings.SelectMany(f => f.EvidenceIds).ToHashSet();
        var hiddenEvidence = v.Findings.Except(findings).SelectMany(f => f.EvidenceIds).Where(e => !shownEvidence.Contains(e)).ToHashSet();
        var shownTargets = findings.Select(f => $"finding:{f.Id}").Concat(v.Evidence.Where(e => !hiddenEvidence.Contains(e.Id)).Select(e => $"evidence:{e.Id}"))
            .ToHashSet(StringComparer.Ordinal);
        return v with
        {
            Attendance = [],
            Findings = findings,
            Evidence = v.Evidence.Where(e => !hiddenEvidence.Contains(e.Id)).ToList(),
            Amendments = v.Amendments.Where(a => !a.Target.Contains(':') || a.Target.StartsWith("checklist:", StringComparison.Ordinal)
                                                 || shownTargets.Contains(a.Target)).ToList(),
            OfficersWithheld = true,
        };
    }

    public static VisitView From(SidakVisit v, bool showPlan) => new(
        v.Id, showPlan ? v.PlanId : null, v.UnitId, v.UnitTimeZone, v.LocalDate, Kebab.Of(v.Status),
        new CheckInView(v.CheckIn.DeviceTime, v.CheckIn.ReceivedAt, v.CheckIn.Latitude, v.CheckIn.Longitude, v.CheckIn.AccuracyMetres,
            v.CheckIn.InsideServiceHours, v.CheckIn.DistanceMetres, v.CheckIn.Flags != CheckInFlags.None, CheckInAssessment.Names(v.CheckIn.Flags)),
        v.SubmittedAt, v.ChecklistCode, v.ChecklistVersion, v.ComplianceScore, v.Summary,
        v.Answers.OrderBy(a => a.ItemCode, StringComparer.Ordinal).Select(a => new AnswerView(a.ItemCode, Kebab.Of(a.Answer), a.Note)).ToList(),
        v.Attendance.OrderBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new AttendanceView(a.Id, a.OfficerId, a.Date, a.Name, a.StaffNumber, a.Position, Kebab.Of(a.Status), a.Note,
                v.IsBackdated)).ToList(),
        v.Findings.OrderBy(f => f.Id).Select(f => new FindingView(f.Id, Kebab.Of(f.Severity), f.Category, f.ChecklistItem, f.Description,
            f.AttendanceRecordId, f.OfficerId, f.EvidenceIds, f.ObservedAt, v.IsBackdated)).ToList(),
        v.Evidence.OrderBy(e => e.Id).Select(e => new EvidenceView(e.Id, e.FileName, e.ContentType, e.SizeBytes, e.Sha256, e.CapturedAt,
            $"/api/inspections/visits/{v.Id}/evidence/{e.Id}")).ToList(),
        v.Amendments.OrderBy(a => a.At).Select(a => new AmendmentView(a.Id, a.Target, a.Correction, a.Reason, a.By, a.At)).ToList(),
        v.RecordEntries.OrderBy(e => e.Sequence).LastOrDefault()?.Hash, false, v.IsBackdated, v.BackdatingConfirmed);
}

public sealed record VisitSummaryView(Guid Id, Guid? PlanId, Guid UnitId, DateOnly LocalDate, string Status, DateTimeOffset CheckedInAt,
    bool FlaggedCheckIn, DateTimeOffset? SubmittedAt, decimal? ComplianceScore, bool Backdated = false);

public sealed record VisitPage(IReadOnlyList<VisitSummaryView> Items, int Total);

public sealed record ChainVerificationView(Guid VisitId, bool Valid, int Entries, string? HeadHash, IReadOnlyList<ChainProblem> Problems);
