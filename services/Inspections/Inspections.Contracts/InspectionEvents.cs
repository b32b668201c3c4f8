namespace Tinjau.Inspections.Contracts;

// Integration events published by Inspections through its outbox. Versioned by adding fields, never by changing
// meaning. Secrecy: nothing is published before a visit has started (no plans, no schedules, no team), and the events
// carry no personal data of unit officers: an officer is at most an opaque reference (OfficerRef), a random id that
// only the Inspections service can resolve to a person.
// Severity is one of: low, medium, high. Scores are shares between 0 and 1.

/// <summary>
/// A sidak visit was submitted: the unit was inspected at <see cref="CheckedInAt"/> (device time) and the checklist
/// gave <see cref="ComplianceScore"/> (share of applicable items met, "partly" counts half; null when no item applied).
/// <see cref="Backdated"/>: the device time lay more than the allowed backdating (default 48 h) before the service
/// received the visit.
/// </summary>
public sealed record InspectionCompleted(
    Guid VisitId,
    Guid UnitId,
    DateTimeOffset CheckedInAt,
    DateTimeOffset SubmittedAt,
    bool InsideServiceHours,
    bool FlaggedCheckIn,
    string ChecklistCode,
    int ChecklistVersion,
    decimal? ComplianceScore,
    int FindingsLow,
    int FindingsMedium,
    int FindingsHigh,
    int OfficersRecorded,
    int OfficersAbsentWithoutReason,
    DateTimeOffset OccurredAt,
    bool Backdated = false);

/// <summary>
/// A finding (violation) was recorded in a submitted visit. <c>Backdated</c>: the visit's device time lay far before
/// its submission (see <c>InspectionCompleted.Backdated</c>).
/// </summary>
public sealed record ViolationRecorded(
    Guid FindingId,
    Guid VisitId,
    Guid UnitId,
    string Severity,
    string Category,
    string? ChecklistItem,
    bool ConcernsOfficer,
    DateTimeOffset ObservedAt,
    DateTimeOffset OccurredAt,
    bool Backdated = false);

/// <summary>The unit answered a clarification request about a finding.</summary>
public sealed record ClarificationAnswered(
    Guid ClarificationId,
    Guid FindingId,
    Guid VisitId,
    Guid UnitId,
    DateTimeOffset RequestedAt,
    DateTimeOffset DueAt,
    DateTimeOffset AnsweredAt,
    bool AnsweredLate,
    DateTimeOffset OccurredAt);

/// <summary>
/// The officer's direct superior decided on a sanction recommendation (PP 94/2021). Levels are kebab-case names such as
/// spoken-reprimand, written-reprimand, written-statement-of-dissatisfaction, allowance-cut-25-6-months,
/// allowance-cut-25-9-months, allowance-cut-25-12-months, demotion-12-months, release-from-position-12-months,
/// dismissal. Decision is one of: imposed, changed, declined.
/// </summary>
public sealed record SanctionDecided(
    Guid SanctionId,
    Guid FindingId,
    Guid VisitId,
    Guid UnitId,
    Guid OfficerRef,
    string RecommendedLevel,
    string Decision,
    string? DecidedLevel,
    DateTimeOffset RecommendedAt,
    DateTimeOffset DecidedAt,
    bool DecidedLate,
    DateTimeOffset OccurredAt);
