namespace Tinjau.Complaints.Api.Application;

/// <summary>Who may take an action.</summary>
public enum Permission
{
    /// <summary>complaint-admin or admin.</summary>
    Admin,
    /// <summary>complaint-admin/admin, or a member of the responsible (or escalated-to) unit or a unit above it.</summary>
    AdminOrUnit,
}

public abstract record WorkflowOutcome
{
    public sealed record Done(Complaint Complaint) : WorkflowOutcome;
    public sealed record NotFound : WorkflowOutcome;
    public sealed record Forbidden(string Detail) : WorkflowOutcome;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : WorkflowOutcome;
}

/// <summary>
/// Applies staff and reporter actions to a complaint: load, check who may, compute deadlines in working days, let the
/// aggregate change itself, save (outbox and read model go with it). Forbidden transitions surface as
/// <see cref="ComplaintConflictException"/> (409).
/// </summary>
public sealed class ComplaintWorkflow(ComplaintsDb db, ComplaintAccess access, IUnitRegistryClient registry, SlaClock sla, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<WorkflowOutcome> ActAsync(Guid id, ClaimsPrincipal user, Permission permission,
        Func<Complaint, Actor, DateTimeOffset, Task<Dictionary<string, string[]>?>> change, CancellationToken ct)
    {
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null || !await access.CanReadAsync(user, complaint, ct))
        {
            return new WorkflowOutcome.NotFound();
        }
        var allowed = ComplaintAccess.IsComplaintAdmin(user)
                      || (permission == Permission.AdminOrUnit && await access.CanActAsUnitAsync(user, complaint, ct));
        if (!allowed)
        {
            return new WorkflowOutcome.Forbidden(permission == Permission.Admin
                ? "Only a complaint admin may do this."
                : "Only a complaint admin or the units handling this complaint may do this.");
        }
        var errors = await change(complaint, ComplaintAccess.ActorOf(user), Now);
        if (errors is not null)
        {
            return new WorkflowOutcome.Invalid(errors);
        }
        await db.SaveChangesAsync(ct);
        return new WorkflowOutcome.Done(complaint);
    }

    public async Task<UnitRef?> FindUnitAsync(Guid unitId, CancellationToken ct) =>
        await registry.GetUnitAsync(unitId, ct) is { } u ? ComplaintIntake.ToRef(u) : null;

    public Task<DateTimeOffset> FollowUpDueAsync(Complaint c, UnitRef unit, DateTimeOffset from, CancellationToken ct) =>
        sla.DueAtAsync(unit.Id, unit.TimeZone, from, sla.RulesFor(c.Kind, unit.Code).FollowUpWorkingDays, ct);

    public Task<DateTimeOffset> FollowUpDueAsync(Complaint c, DateTimeOffset from, CancellationToken ct) =>
        sla.DueAtAsync(c.UnitId, c.TimeZone, from, sla.RulesFor(c.Kind, c.UnitCode).FollowUpWorkingDays, ct);

    public Task<DateTimeOffset> AutoCloseAtAsync(Complaint c, DateTimeOffset from, CancellationToken ct) =>
        sla.DueAtAsync(c.UnitId, c.TimeZone, from, sla.RulesFor(c.Kind, c.UnitCode).AutoCloseWorkingDays, ct);

    public Task<DateTimeOffset> ReopenUntilAsync(Complaint c, DateTimeOffset from, CancellationToken ct) =>
        sla.DueAtAsync(c.UnitId, c.TimeZone, from, sla.RulesFor(c.Kind, c.UnitCode).ReopenWindowWorkingDays, ct);

    public Task<int> WorkingDaysSinceFilingAsync(Complaint c, DateTimeOffset to, CancellationToken ct) =>
        sla.WorkingDaysBetweenAsync(c.UnitId, c.TimeZone, c.FiledAt, to, ct);

    /// <summary>Confirms Selesai (admin) — also used by the auto-close sweep with <see cref="Actor.System"/>.</summary>
    public async Task ResolveAsync(Complaint c, Actor by, DateTimeOffset at, bool automatically, CancellationToken ct)
    {
        var days = await WorkingDaysSinceFilingAsync(c, at, ct);
        var until = await ReopenUntilAsync(c, at, ct);
        if (automatically)
        {
            c.AutoClose(days, until, at);
        }
        else
        {
            c.Confirm(days, until, by, at);
        }
    }
}
