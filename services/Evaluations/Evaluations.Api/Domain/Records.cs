namespace Tinjau.Evaluations.Api.Domain;

/// <summary>An evidence document uploaded with F01, stored with its SHA-256.</summary>
public sealed class EvidenceDocument
{
    public Guid Id { get; init; }
    public Guid EvaluationId { get; init; }
    public string FileName { get; init; } = "";
    public string ContentType { get; init; } = "";
    public long SizeBytes { get; init; }
    public string Sha256 { get; init; } = "";
    public byte[] Content { get; init; } = [];
    public string UploadedBy { get; init; } = "";
    public DateTimeOffset UploadedAt { get; init; }
}

/// <summary>An F03 invitation: only the SHA-256 of the token is stored; a token is used at most once.</summary>
public sealed class F03Invitation
{
    public string TokenHash { get; init; } = "";
    public Guid EvaluationId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
}

public sealed class F03Response
{
    public Guid Id { get; init; }
    public Guid EvaluationId { get; init; }
    public string TokenHash { get; init; } = "";
    public Dictionary<string, int> Answers { get; init; } = [];
    public DateTimeOffset SubmittedAt { get; init; }
}

/// <summary>An SKM survey of a unit for a period, answered through a public link (<see cref="PublicSlug"/>).</summary>
public sealed class SkmSurvey
{
    public Guid Id { get; init; }
    public Guid UnitId { get; init; }
    public string UnitName { get; init; } = "";
    public int Year { get; init; }
    public string Period { get; init; } = "";
    public string? ServiceName { get; init; }
    public int Population { get; init; }
    public string PublicSlug { get; init; } = "";
    public bool Closed { get; set; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class SkmResponse
{
    public Guid Id { get; init; }
    public Guid SurveyId { get; init; }
    public int[] Answers { get; init; } = [];
    public DateTimeOffset SubmittedAt { get; init; }
}

/// <summary>
/// A one-response token of a public SKM link, issued to a respondent's device and spent by its answer (only its
/// SHA-256 is kept). One token, one response: a second answer with it is refused.
/// </summary>
public sealed class SkmResponseToken
{
    public string TokenHash { get; init; } = "";
    public Guid SurveyId { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
    public uint Version { get; private set; }
}

public sealed record ChecklistAnswer(string Code, bool Met, string? Note);

/// <summary>
/// A unit's Ombudsman readiness checklist of one year (complaint-management items and the displayed standard): the
/// Ombudsman assesses yearly, so a past year's prediction keeps the checklist of that year.
/// </summary>
public sealed class OmbudsmanChecklist
{
    public Guid UnitId { get; init; }
    public int Year { get; init; }
    public List<ChecklistAnswer> Items { get; set; } = [];
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

// Read models of other services' events (one row per fact, keyed by the source's id: idempotent by construction).
// A fact that never changes once recorded is a positional record, built in one expression from its event.

public sealed class ComplaintFact
{
    public Guid ComplaintId { get; init; }
    public Guid? UnitId { get; set; }
    public int? ResolvedYear { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public int? WorkingDaysTaken { get; set; }
    public bool? AnsweredWithinSla { get; set; }
    public int? Rating { get; set; }
    public int? RatedYear { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed record ComplaintSlaBreach(Guid ComplaintId, string Deadline, Guid? UnitId, int Year, DateTimeOffset DueAt);

public sealed record SidakVisitFact(Guid VisitId, Guid UnitId, int Year, DateTimeOffset CheckedInAt, decimal? ComplianceScore, int FindingsLow,
    int FindingsMedium, int FindingsHigh, int OfficersRecorded, int OfficersAbsentWithoutReason);

public sealed record SidakViolationFact(Guid FindingId, Guid VisitId, Guid UnitId, int Year, string Severity, string Category, bool ConcernsOfficer,
    DateTimeOffset ObservedAt);
