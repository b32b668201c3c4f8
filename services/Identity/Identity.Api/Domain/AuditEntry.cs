namespace Tinjau.Identity.Api.Domain;

/// <summary>One administrative change to a user: who did it, when, what, and to whom.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public Guid Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The acting user's id (the token's <c>sub</c>).</summary>
    public string ActorId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    /// <summary>What happened, e.g. <c>user.created</c>, <c>user.roles-changed</c>, <c>user.locked</c>.</summary>
    public string Action { get; private set; } = "";

    public Guid TargetUserId { get; private set; }

    public string TargetUserName { get; private set; } = "";

    /// <summary>A short human-readable description of the change (before → after).</summary>
    public string Details { get; private set; } = "";

    public static AuditEntry Record(Actor actor, string action, TinjauUser target, string details, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        At = at,
        ActorId = actor.Id,
        ActorName = actor.Name,
        Action = action,
        TargetUserId = target.Id,
        TargetUserName = target.UserName ?? "",
        Details = details,
    };
}

public readonly record struct Actor(string Id, string Name);

public static class AuditActions
{
    public const string UserCreated = "user.created";
    public const string RolesChanged = "user.roles-changed";
    public const string Locked = "user.locked";
    public const string Unlocked = "user.unlocked";
}
