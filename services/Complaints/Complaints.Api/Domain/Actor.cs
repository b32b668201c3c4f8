namespace Tinjau.Complaints.Api.Domain;

/// <summary>
/// Who did something to a complaint. Staff are recorded by user id, role and unit; the reporter is recorded only
/// as "pelapor" (never by identity, so history cannot reveal an anonim reporter); the system by name.
/// </summary>
public sealed record Actor(ActorKind Kind, string? UserId, string Role, Guid? UnitId)
{
    public static Actor Reporter { get; } = new(ActorKind.Reporter, null, "pelapor", null);

    public static Actor System { get; } = new(ActorKind.System, null, "system", null);

    public static Actor Staff(string userId, string role, Guid? unitId) => new(ActorKind.Staff, userId, role, unitId);
}

public enum ActorKind
{
    Staff,
    Reporter,
    System,
}
