namespace Tinjau.Portal.Web.Services;

// The evaluations and complaints services' answers the leadership dashboard shows (see the README's tables).

public sealed record ReadinessComponent(string Name, decimal? Value, decimal Weight, string Source);

/// <summary>One item of the Ombudsman readiness checklist: whether the unit has it, and where (a note for the assessors).</summary>
public sealed record ChecklistItem(string Code, string Text, bool Met, string? Note);

/// <summary>A unit's readiness checklist (GET/PUT …/ombudsman/units/{id}/checklist); inside the readiness answer too.</summary>
public sealed record ReadinessChecklist(int Met, int Total, DateTimeOffset? UpdatedAt, IReadOnlyList<ChecklistItem>? Items = null, int? Year = null,
    int? CarriedFrom = null);

/// <summary>A unit's predicted Ombudsman zone from the platform's own data (GET …/ombudsman/units/{id}/readiness).</summary>
public sealed record Readiness(Guid UnitId, int Year, decimal? PredictedScore, string Zone, IReadOnlyList<ReadinessComponent> Components,
    ComplaintEvidence Complaints, SidakEvidence Sidak, ReadinessChecklist Checklist);

/// <summary>Units predicted red, or yellow within the warning margin of red, lowest first.</summary>
public sealed record EarlyWarning(int Year, IReadOnlyList<Readiness> Units);

/// <summary>GET /api/complaints/statistics: a period of filing dates, city-wide or of one unit.</summary>
public sealed record ComplaintStatistics(DateOnly From, DateOnly To, int Total, int Answered, int AnsweredWithinSla, double? ShareAnsweredWithinSla,
    double? MedianWorkingDaysToResolve, int Ratings, double? AverageRating);

/// <summary>A unit's complaint and sidak figures of a year (the evaluations service's read models): the map's layers.</summary>
public sealed record UnitFigures(Guid UnitId, int Resolved, decimal? WithinSlaShare, int SidakVisits, int SidakFindings, int SidakFindingsHigh);
