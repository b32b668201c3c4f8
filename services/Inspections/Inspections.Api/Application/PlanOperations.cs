namespace Tinjau.Inspections.Api.Application;

/// <summary>Secret sidak plans: plan, list, read, cancel. Every read goes through <see cref="SidakSecrecy"/>.</summary>
public sealed class PlanOperations(InspectionsDb db, InspectionsScope scope, UnitDirectory directory, TimeProvider clock)
{
    public async Task<Outcome<PlanView>> CreateAsync(PlanRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors().Check(request);
        var title = request.Title.Trimmed();
        var notes = request.Notes.Trimmed();
        if (request.WindowStart is null)
        {
            errors.Add("windowStart", "is required (yyyy-MM-dd)");
        }
        if (request.WindowEnd is null)
        {
            errors.Add("windowEnd", "is required (yyyy-MM-dd)");
        }
        if (request.WindowStart is { } s && request.WindowEnd is { } e && (e < s || e.DayNumber - s.DayNumber > 366))
        {
            errors.Add("windowEnd", "must be on or after windowStart and within a year of it");
        }
        if (request.UnitIds is not { Count: > 0 } || request.UnitIds.Count > 500 || request.UnitIds.Any(u => u == Guid.Empty))
        {
            errors.Add("unitIds", "give between 1 and 500 unit ids");
        }
        if (request.TeamMembers is not { Count: > 0 } || request.TeamMembers.Count > 50
            || request.TeamMembers.Any(m => string.IsNullOrWhiteSpace(m) || m.Length > 200))
        {
            errors.Add("teamMembers", "give between 1 and 50 user ids");
        }
        if (request.Id == Guid.Empty)
        {
            errors.Add("id", "must not be the empty guid");
        }
        if (errors.Any)
        {
            return Refusal.Invalid(errors);
        }
        // The targets are checked against the whole unit directory (the same question for every plan, kept for a
        // while), never one registry call per target: nothing outside the satgas learns which units a plan names.
        var targets = request.UnitIds!.Distinct().ToList();
        if (await directory.GetUnitIdsAsync(targets, ct) is { } known)
        {
            foreach (var unitId in targets.Where(u => !known.Contains(u)))
            {
                errors.Add("unitIds", $"unit {unitId} is not in the unit registry");
            }
        }
        if (errors.Any)
        {
            return Refusal.Invalid(errors);
        }

        var id = request.Id ?? Guid.CreateVersion7();
        var plan = SidakPlan.Create(id, title!, request.WindowStart!.Value, request.WindowEnd!.Value, request.UnitIds!,
            request.TeamMembers!, notes, scope.Subject, clock.GetUtcNow());
        if (await db.Plans.VisibleTo(scope).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } existing)
        {
            // A re-sent request with a client id: the same plan again is fine, another one is a conflict.
            return existing.Title == plan.Title && existing.WindowStart == plan.WindowStart && existing.WindowEnd == plan.WindowEnd
                   && existing.UnitIds.Order().SequenceEqual(plan.UnitIds.Order())
                ? PlanView.From(existing, await VisitCountAsync(id, ct))
                : Refusal.Conflict("Another plan already has this id.");
        }
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return Outcome<PlanView>.Created(PlanView.From(plan, 0));
    }

    public async Task<PlanPage> ListAsync(DateOnly? from, DateOnly? to, string? status, Guid? unitId, CancellationToken ct)
    {
        var parsed = Kebab.TryParse<PlanStatus>(status, out var st);
        var query = db.Plans.VisibleTo(scope).AsNoTracking()
            .When(from is not null, p => p.WindowEnd >= from)
            .When(to is not null, p => p.WindowStart <= to)
            .When(parsed, p => p.Status == st)
            .When(unitId is not null, p => p.UnitIds.Contains(unitId!.Value));
        var plans = await query.OrderByDescending(p => p.WindowStart).Take(500).ToListAsync(ct);
        var ids = plans.Select(p => p.Id).ToList();
        var counts = await db.Visits.VisibleTo(scope).AsNoTracking().Where(v => v.PlanId != null && ids.Contains(v.PlanId.Value))
            .GroupBy(v => v.PlanId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new PlanPage(plans.Select(p => PlanView.From(p, counts.GetValueOrDefault(p.Id))).ToList(), plans.Count);
    }

    public async Task<Outcome<PlanView>> GetAsync(Guid id, CancellationToken ct) =>
        await db.Plans.VisibleTo(scope).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } plan
            ? PlanView.From(plan, await VisitCountAsync(id, ct))
            : Refusal.NotFound();

    public async Task<Outcome<PlanView>> CancelAsync(Guid id, CancelPlanRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors().Check(request);
        var reason = request.Reason.Trimmed();
        if (errors.Any)
        {
            return Refusal.Invalid(errors);
        }
        var plan = await db.Plans.VisibleTo(scope).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return Refusal.NotFound();
        }
        plan.Cancel(scope.Subject, reason!, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return PlanView.From(plan, await VisitCountAsync(id, ct));
    }

    private Task<int> VisitCountAsync(Guid planId, CancellationToken ct) =>
        db.Visits.VisibleTo(scope).AsNoTracking().CountAsync(v => v.PlanId == planId, ct);
}
