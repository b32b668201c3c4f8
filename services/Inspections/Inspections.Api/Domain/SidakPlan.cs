namespace Tinjau.Inspections.Api.Domain;

public enum PlanStatus
{
    Planned,
    Cancelled,
}

/// <summary>
/// A secret plan of unannounced visits: which units, in which date window, by which team. Only the satgas,
/// leadership and admins may ever learn of it (enforced in <c>Application/SidakSecrecy.cs</c>).
/// </summary>
public sealed class SidakPlan
{
    private SidakPlan()
    {
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly WindowStart { get; private set; }
    public DateOnly WindowEnd { get; private set; }
    public List<Guid> UnitIds { get; private set; } = [];
    /// <summary>Team members by their user id (token subject).</summary>
    public List<string> TeamMembers { get; private set; } = [];
    public string? Notes { get; private set; }
    public PlanStatus Status { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string? CancelledBy { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancelReason { get; private set; }
    public uint Version { get; private set; }

    public static SidakPlan Create(Guid id, string title, DateOnly windowStart, DateOnly windowEnd, IEnumerable<Guid> unitIds,
        IEnumerable<string> teamMembers, string? notes, string createdBy, DateTimeOffset at) => new()
        {
            Id = id,
            Title = title.Trim(),
            WindowStart = windowStart,
            WindowEnd = windowEnd,
            UnitIds = unitIds.Distinct().ToList(),
            TeamMembers = teamMembers.Select(m => m.Trim()).Distinct(StringComparer.Ordinal).ToList(),
            Notes = notes,
            Status = PlanStatus.Planned,
            CreatedBy = createdBy,
            CreatedAt = Instants.Normalize(at),
        };

    public bool Includes(Guid unitId) => UnitIds.Contains(unitId);

    public void Cancel(string by, string reason, DateTimeOffset at)
    {
        if (Status == PlanStatus.Cancelled)
        {
            throw new DomainException("The plan is already cancelled.");
        }
        Status = PlanStatus.Cancelled;
        CancelledBy = by;
        CancelReason = reason;
        CancelledAt = Instants.Normalize(at);
    }

    /// <summary>A visit may start under this plan only while it is planned and only at a unit it lists.</summary>
    public void EnsureVisitAllowed(Guid unitId)
    {
        if (Status != PlanStatus.Planned)
        {
            throw new DomainException("The plan is cancelled; no visit can start under it.");
        }
        if (!Includes(unitId))
        {
            throw new DomainException("The plan does not include this unit.");
        }
    }
}
