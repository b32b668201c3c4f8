using Tinjau.Evaluations.Contracts;
using Tinjau.Messaging;

namespace Tinjau.Evaluations.Api.Domain;

public enum RecommendationStatus
{
    Open,
    InProgress,
    Done,
}

public static class RecommendationStatuses
{
    public static string ToName(this RecommendationStatus s) => s switch
    {
        RecommendationStatus.Open => "open",
        RecommendationStatus.InProgress => "in-progress",
        RecommendationStatus.Done => "done",
        _ => s.ToString(),
    };
}

/// <summary>
/// A recommendation of an evaluation, owned by a unit, due on a date and tracked to done with evidence
/// (open → in-progress → done, or open → done). Overdue when not done after its due date; the overdue event is
/// published once (<see cref="OverdueNotifiedAt"/>).
/// </summary>
public sealed class Recommendation : RaisesIntegrationEvents
{
    public Guid Id { get; init; }
    public Guid EvaluationId { get; init; }
    public Guid EvaluatedUnitId { get; init; }
    public int Year { get; init; }
    public Guid OwnerUnitId { get; init; }
    public string? AspectCode { get; init; }
    public string Text { get; init; } = "";
    public DateOnly DueOn { get; init; }
    public RecommendationStatus Status { get; private set; } = RecommendationStatus.Open;
    public string? Progress { get; private set; }
    public string? DoneEvidence { get; private set; }
    public List<EvidenceLink> DoneLinks { get; private set; } = [];
    public DateTimeOffset? DoneAt { get; private set; }
    public DateTimeOffset? OverdueNotifiedAt { get; private set; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public uint Version { get; set; }

    public bool IsOverdue(DateOnly today) => Status != RecommendationStatus.Done && DueOn < today;

    public void Start(string? progress)
    {
        if (Status != RecommendationStatus.Open)
        {
            throw new DomainException($"Only an open recommendation can be started; this one is {Status.ToName()}.");
        }
        Status = RecommendationStatus.InProgress;
        Progress = progress;
    }

    public void Complete(string evidence, List<EvidenceLink> links, DateTimeOffset at)
    {
        if (Status == RecommendationStatus.Done)
        {
            throw new DomainException("The recommendation is already done.");
        }
        Status = RecommendationStatus.Done;
        DoneEvidence = evidence;
        DoneLinks = links;
        DoneAt = at;
    }

    /// <summary>True the first time an overdue recommendation is noticed; raises <see cref="RecommendationOverdue"/> then.</summary>
    public bool MarkOverdueNotified(DateOnly today, DateTimeOffset at)
    {
        if (!IsOverdue(today) || OverdueNotifiedAt is not null)
        {
            return false;
        }
        OverdueNotifiedAt = at;
        Raise(new RecommendationOverdue(Id, EvaluationId, OwnerUnitId, EvaluatedUnitId, Year, DueOn, at));
        return true;
    }
}
