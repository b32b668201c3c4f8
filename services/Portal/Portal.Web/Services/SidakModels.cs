namespace Tinjau.Portal.Web.Services;

// The inspections service's JSON, as much of it as the sidak pages show (see services/Inspections/README.md).

public sealed record SidakPlan(Guid Id, string Title, DateOnly WindowStart, DateOnly WindowEnd, IReadOnlyList<Guid> UnitIds,
    IReadOnlyList<string> TeamMembers, string? Notes, string Status, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? CancelledAt,
    string? CancelReason, int VisitsStarted);

/// <summary>The body of <c>POST /api/inspections/plans</c>, as typed: the service checks it and answers 400 per field.</summary>
public sealed record SidakPlanRequest(Guid Id, string? Title, DateOnly? WindowStart, DateOnly? WindowEnd, IReadOnlyList<Guid> UnitIds,
    IReadOnlyList<string> TeamMembers, string? Notes);

public sealed record SidakPlanPage(IReadOnlyList<SidakPlan> Items, int Total);

public sealed record SidakChecklistItem(string Code, string Text, string? TextEn)
{
    public string Label => PortalCulture.IsEnglish && !string.IsNullOrWhiteSpace(TextEn) ? TextEn : Text;
}

public sealed record SidakChecklist(Guid Id, string Code, int Version, string Title, IReadOnlyList<SidakChecklistItem> Items,
    DateTimeOffset? CreatedAt = null);

/// <summary>A new version of a checklist: the latest version's items minus <c>Remove</c> (codes), plus <c>Add</c>.</summary>
public sealed record SidakChecklistVersionRequest(string? Title, IReadOnlyList<SidakChecklistItemRequest> Add, IReadOnlyList<string> Remove);

/// <summary>A new item: <c>Text</c> in Indonesian, <c>TextEn</c> its optional English.</summary>
public sealed record SidakChecklistItemRequest(string? Code, string? Text, string? TextEn);

public sealed record SidakOfficer(Guid Id, string Name, string? StaffNumber, string? Position);

public sealed record SidakVisitSummary(Guid Id, Guid? PlanId, Guid UnitId, DateOnly LocalDate, string Status, DateTimeOffset CheckedInAt,
    bool FlaggedCheckIn, DateTimeOffset? SubmittedAt, decimal? ComplianceScore, bool Backdated = false);

public sealed record SidakVisitPage(IReadOnlyList<SidakVisitSummary> Items, int Total);

public sealed record SidakCheckIn(DateTimeOffset DeviceTime, DateTimeOffset ReceivedAt, double Latitude, double Longitude, double? AccuracyMetres,
    bool? InsideServiceHours, double? DistanceMetres, bool Flagged, IReadOnlyList<string> Flags);

public sealed record SidakFinding(Guid Id, string Severity, string Category, string? ChecklistItem, string Description, Guid? AttendanceId,
    Guid? OfficerId, IReadOnlyList<Guid> EvidenceIds, DateTimeOffset ObservedAt);

/// <summary>A visit as the service shows it to the caller (<c>GET /api/inspections/visits/{id}</c>, the submission's answer).</summary>
public sealed record SidakVisit(Guid Id, Guid? PlanId, Guid UnitId, string UnitTimeZone, DateOnly LocalDate, string Status, SidakCheckIn CheckIn,
    DateTimeOffset? SubmittedAt, string? ChecklistCode, int? ChecklistVersion, decimal? ComplianceScore, IReadOnlyList<SidakFinding> Findings,
    string? RecordHash);

public sealed record SidakClarification(Guid Id, Guid FindingId, Guid VisitId, Guid UnitId, string Question, DateTimeOffset RequestedAt,
    DateTimeOffset DueAt, string Status, bool Overdue, string? Answer, DateTimeOffset? AnsweredAt, bool AnsweredLate, string? ReviewNote,
    DateTimeOffset? ReviewedAt, Guid? SanctionId);

public sealed record SidakSanction(Guid Id, Guid ClarificationId, Guid FindingId, Guid VisitId, Guid UnitId, Guid OfficerId, string? OfficerName,
    string SuperiorName, string? SuperiorPosition, string RecommendedLevel, string Gravity, int? UnexcusedDaysInYear, string Basis,
    DateTimeOffset RecommendedAt, DateTimeOffset DecisionDueAt, string Status, bool Overdue, string? Decision, string? DecidedLevel,
    string? DecidedBy, string? DecisionNote, DateTimeOffset? DecidedAt);

public sealed record SidakFollowUps(IReadOnlyList<SidakClarification> Clarifications, IReadOnlyList<SidakSanction> Sanctions);
