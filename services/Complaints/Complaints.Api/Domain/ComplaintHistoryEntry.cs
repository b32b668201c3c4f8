namespace Tinjau.Complaints.Api.Domain;

/// <summary>
/// One step in a complaint's life: who, when, what. Public steps appear on the tracking page (without the actor);
/// internal ones (notes, escalations, duplicate flags) only to staff who may see the complaint.
/// </summary>
public sealed class ComplaintHistoryEntry
{
    private ComplaintHistoryEntry()
    {
    }

    internal ComplaintHistoryEntry(Guid complaintId, int position, DateTimeOffset at, string action, ComplaintStatus? fromStatus, ComplaintStatus toStatus,
        Actor actor, Guid? unitId, string? note, bool isPublic)
    {
        Id = Guid.CreateVersion7(at);
        ComplaintId = complaintId;
        Position = position;
        At = at;
        Action = action;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        ActorKind = actor.Kind;
        ActorUserId = actor.UserId;
        ActorRole = actor.Role;
        ActorUnitId = actor.UnitId;
        UnitId = unitId;
        Note = note;
        IsPublic = isPublic;
    }

    public Guid Id { get; private set; }
    public Guid ComplaintId { get; private set; }

    /// <summary>1, 2, 3, … within the complaint.</summary>
    public int Position { get; private set; }

    public DateTimeOffset At { get; private set; }
    public string Action { get; private set; } = "";
    public ComplaintStatus? FromStatus { get; private set; }
    public ComplaintStatus ToStatus { get; private set; }
    public ActorKind ActorKind { get; private set; }
    public string? ActorUserId { get; private set; }
    public string ActorRole { get; private set; } = "";
    public Guid? ActorUnitId { get; private set; }

    /// <summary>The unit the step concerns (routed to, escalated to).</summary>
    public Guid? UnitId { get; private set; }

    public string? Note { get; private set; }
    public bool IsPublic { get; private set; }
}
