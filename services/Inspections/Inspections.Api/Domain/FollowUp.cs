namespace Tinjau.Inspections.Api.Domain;

public enum ClarificationStatus
{
    /// <summary>Sent to the unit; waiting for the unit head's answer.</summary>
    Open,
    /// <summary>The unit answered; waiting for the satgas to accept or escalate.</summary>
    Answered,
    /// <summary>The satgas accepted the answer: closed.</summary>
    Accepted,
    /// <summary>The satgas escalated: a sanction recommendation went to the officer's direct superior.</summary>
    Escalated,
}

/// <summary>A request to the unit to clarify a finding. Open → Answered → Accepted | Escalated (Open → Escalated once overdue).</summary>
public sealed class ClarificationRequest : RaisesIntegrationEvents
{
    private ClarificationRequest()
    {
    }

    public Guid Id { get; private set; }
    public Guid FindingId { get; private set; }
    public Guid VisitId { get; private set; }
    public Guid UnitId { get; private set; }
    public string Question { get; private set; } = "";
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public ClarificationStatus Status { get; private set; }
    public string? Answer { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? ReviewNote { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public uint Version { get; private set; }

    public static ClarificationRequest Open(Guid id, Finding finding, string question, string by, DateTimeOffset at, DateTimeOffset dueAt) => new()
    {
        Id = id,
        FindingId = finding.Id,
        VisitId = finding.VisitId,
        UnitId = finding.UnitId,
        Question = question,
        RequestedBy = by,
        RequestedAt = Instants.Normalize(at),
        DueAt = Instants.Normalize(dueAt),
        Status = ClarificationStatus.Open,
    };

    public bool IsClosed => Status is ClarificationStatus.Accepted or ClarificationStatus.Escalated;

    public bool IsOverdue(DateTimeOffset now) => Status == ClarificationStatus.Open && now > DueAt;

    public bool AnsweredLate => AnsweredAt is { } a && a > DueAt;

    public void Respond(string answer, string by, DateTimeOffset at)
    {
        if (Status != ClarificationStatus.Open)
        {
            throw new DomainException($"The clarification is {Kebab.Of(Status)}; only an open one can be answered.");
        }
        Answer = answer;
        AnsweredBy = by;
        AnsweredAt = Instants.Normalize(at);
        Status = ClarificationStatus.Answered;
        Raise(InspectionEvents.Answered(this, at));
    }

    public void Accept(string? note, string by, DateTimeOffset at)
    {
        if (Status != ClarificationStatus.Answered)
        {
            throw new DomainException($"The clarification is {Kebab.Of(Status)}; only an answered one can be accepted.");
        }
        Review(ClarificationStatus.Accepted, note, by, at);
    }

    public void Escalate(string? note, string by, DateTimeOffset at)
    {
        var allowed = Status == ClarificationStatus.Answered || IsOverdue(at);
        if (!allowed)
        {
            throw new DomainException($"The clarification is {Kebab.Of(Status)}; escalate after the unit answers or once the answer is overdue.");
        }
        Review(ClarificationStatus.Escalated, note, by, at);
    }

    private void Review(ClarificationStatus status, string? note, string by, DateTimeOffset at)
    {
        Status = status;
        ReviewNote = note;
        ReviewedBy = by;
        ReviewedAt = Instants.Normalize(at);
    }
}

public enum SanctionStatus
{
    AwaitingDecision,
    Decided,
}

public enum SanctionDecision
{
    /// <summary>The recommended level was imposed.</summary>
    Imposed,
    /// <summary>Another level was imposed.</summary>
    Changed,
    /// <summary>No sanction.</summary>
    Declined,
}

/// <summary>
/// A sanction recommendation (PP 94/2021) to the direct superior of an officer at fault, tracked until the superior's
/// decision is recorded. AwaitingDecision → Decided.
/// </summary>
public sealed class SanctionRecommendation : RaisesIntegrationEvents
{
    private SanctionRecommendation()
    {
    }

    public Guid Id { get; private set; }
    public Guid ClarificationId { get; private set; }
    public Guid FindingId { get; private set; }
    public Guid VisitId { get; private set; }
    public Guid UnitId { get; private set; }
    public Guid OfficerId { get; private set; }
    public string SuperiorName { get; private set; } = "";
    public string? SuperiorPosition { get; private set; }
    public SanctionLevel RecommendedLevel { get; private set; }
    /// <summary>Unexcused absence days of the officer in the year of the visit, when the ladder was the basis.</summary>
    public int? UnexcusedDaysInYear { get; private set; }
    public string Basis { get; private set; } = "";
    public string RecommendedBy { get; private set; } = "";
    public DateTimeOffset RecommendedAt { get; private set; }
    public DateTimeOffset DecisionDueAt { get; private set; }
    public SanctionStatus Status { get; private set; }
    public SanctionDecision? Decision { get; private set; }
    public SanctionLevel? DecidedLevel { get; private set; }
    public string? DecisionNote { get; private set; }
    public string? DecidedByName { get; private set; }
    public string? RecordedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public uint Version { get; private set; }

    public static SanctionRecommendation Recommend(Guid id, ClarificationRequest clarification, Guid officerId, string superiorName,
        string? superiorPosition, SanctionLevel level, int? unexcusedDays, string basis, string by, DateTimeOffset at, DateTimeOffset decisionDueAt)
    {
        if (clarification.Status != ClarificationStatus.Escalated)
        {
            throw new DomainException("A sanction is recommended only from an escalated clarification.");
        }
        return new SanctionRecommendation
        {
            Id = id,
            ClarificationId = clarification.Id,
            FindingId = clarification.FindingId,
            VisitId = clarification.VisitId,
            UnitId = clarification.UnitId,
            OfficerId = officerId,
            SuperiorName = superiorName,
            SuperiorPosition = superiorPosition,
            RecommendedLevel = level,
            UnexcusedDaysInYear = unexcusedDays,
            Basis = basis,
            RecommendedBy = by,
            RecommendedAt = Instants.Normalize(at),
            DecisionDueAt = Instants.Normalize(decisionDueAt),
            Status = SanctionStatus.AwaitingDecision,
        };
    }

    public bool IsOverdue(DateTimeOffset now) => Status == SanctionStatus.AwaitingDecision && now > DecisionDueAt;

    public bool DecidedLate => DecidedAt is { } d && d > DecisionDueAt;

    public void RecordDecision(SanctionDecision decision, SanctionLevel? level, string decidedByName, string? note, string recordedBy, DateTimeOffset at)
    {
        if (Status != SanctionStatus.AwaitingDecision)
        {
            throw new DomainException("The superior's decision is already recorded.");
        }
        DecidedLevel = decision switch
        {
            SanctionDecision.Imposed when level is null || level == RecommendedLevel => RecommendedLevel,
            SanctionDecision.Imposed => throw new DomainException("'imposed' means the recommended level; use 'changed' for another level."),
            SanctionDecision.Changed when level is null || level == RecommendedLevel =>
                throw new DomainException("'changed' needs a level other than the recommended one."),
            SanctionDecision.Changed => level,
            _ => null,
        };
        Decision = decision;
        DecidedByName = decidedByName;
        DecisionNote = note;
        RecordedBy = recordedBy;
        DecidedAt = Instants.Normalize(at);
        Status = SanctionStatus.Decided;
        Raise(InspectionEvents.Decided(this, at));
    }
}
