using Tinjau.Inspections.Contracts;

namespace Tinjau.Inspections.Api.IntegrationEvents;

/// <summary>
/// Maps the domain to the published contracts. Nothing here runs before a visit has started (plans publish nothing),
/// and officers appear only as their opaque id.
/// </summary>
public static class InspectionEvents
{
    public static InspectionCompleted Completed(SidakVisit v, DateTimeOffset now) => new(
        v.Id, v.UnitId, v.CheckIn.DeviceTime, v.SubmittedAt ?? now, v.CheckIn.InsideServiceHours == true, v.CheckIn.Flags != CheckInFlags.None,
        v.ChecklistCode ?? "", v.ChecklistVersion ?? 0, v.ComplianceScore,
        v.CountFindings(FindingSeverity.Low), v.CountFindings(FindingSeverity.Medium), v.CountFindings(FindingSeverity.High),
        v.Attendance.Count, v.Attendance.Count(a => a.Status == AttendanceStatus.AbsentWithoutReason), now, v.IsBackdated);

    public static ViolationRecorded Violation(Finding f, bool backdated, DateTimeOffset now) => new(
        f.Id, f.VisitId, f.UnitId, Kebab.Of(f.Severity), f.Category, f.ChecklistItem, f.OfficerId is not null, f.ObservedAt, now, backdated);

    public static ClarificationAnswered Answered(ClarificationRequest c, DateTimeOffset now) => new(
        c.Id, c.FindingId, c.VisitId, c.UnitId, c.RequestedAt, c.DueAt, c.AnsweredAt ?? now, c.AnsweredLate, now);

    public static SanctionDecided Decided(SanctionRecommendation s, DateTimeOffset now) => new(
        s.Id, s.FindingId, s.VisitId, s.UnitId, s.OfficerId, DisciplineLadder.Name(s.RecommendedLevel), Kebab.Of(s.Decision!.Value),
        s.DecidedLevel is { } l ? DisciplineLadder.Name(l) : null, s.RecommendedAt, s.DecidedAt ?? now, s.DecidedLate, now);
}
