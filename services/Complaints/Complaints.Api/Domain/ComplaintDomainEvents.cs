namespace Tinjau.Complaints.Api.Domain;

/// <summary>What happened to a complaint, raised by the aggregate and turned into integration events when saved.</summary>
public abstract record ComplaintDomainEvent(DateTimeOffset At);

public sealed record ComplaintFiledEvent(DateTimeOffset At) : ComplaintDomainEvent(At);

public sealed record StatusChangedEvent(ComplaintStatus From, ComplaintStatus To, ComplaintAction Action, DateTimeOffset At) : ComplaintDomainEvent(At);

public sealed record RoutedEvent(Guid UnitId, Guid? PreviousUnitId, string Reason, DateTimeOffset At) : ComplaintDomainEvent(At);

public sealed record ResolvedEvent(DateTimeOffset At) : ComplaintDomainEvent(At);

public sealed record RatedEvent(int Rating, DateTimeOffset At) : ComplaintDomainEvent(At);

/// <summary>The reporter reopened the complaint; what its withdrawn resolution had (within SLA, rating).</summary>
public sealed record ReopenedEvent(bool WasResolved, bool? WithinSla, int? Rating, DateTimeOffset At) : ComplaintDomainEvent(At);

public sealed record SlaBreachedEvent(SlaDeadline Deadline, DateTimeOffset DueAt, Guid? EscalatedToUnitId, DateTimeOffset At) : ComplaintDomainEvent(At);

public enum SlaDeadline
{
    Verification,
    FollowUp,
}

public static class SlaDeadlines
{
    public static string ToName(this SlaDeadline d) => d == SlaDeadline.Verification ? "verification" : "follow-up";
}
