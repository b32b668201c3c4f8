using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tinjau.Inspections.Api.Data;
using Tinjau.Inspections.Api.Domain;
using Tinjau.Inspections.Api.Infrastructure;

namespace Tinjau.Inspections.Api.Apis;

public sealed record PlanRequest(Guid? Id, string? Title, DateOnly? WindowStart, DateOnly? WindowEnd, List<Guid>? UnitIds,
    List<string>? TeamMembers, string? Notes);

public sealed record CancelPlanRequest(string? Reason);

public sealed record PlanView(Guid Id, string Title, DateOnly WindowStart, DateOnly WindowEnd, IReadOnlyList<Guid> UnitIds,
    IReadOnlyList<string> TeamMembers, string? Notes, string Status, string CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? CancelledAt, string? CancelReason, int VisitsStarted)
{
    public static PlanView From(SidakPlan p, int visits) => new(p.Id, p.Title, p.WindowStart, p.WindowEnd, p.UnitIds, p.TeamMembers,
        p.Notes, Kebab.Of(p.Status), p.CreatedBy, p.CreatedAt, p.CancelledAt, p.CancelReason, visits);
}

public sealed record PlanPage(IReadOnlyList<PlanView> Items, int Total);

/// <summary>
/// Secret sidak plans. Every route answers the same 404 to callers who may not know of plans (anyone but satgas,
/// leadership and admins), whether the plan exists or not, and lists nothing to them.
/// </summary>
public static class PlansApi
{
    public static RouteGroupBuilder MapPlansApi(this IEndpointRouteBuilder routes)
    {
        var plans = routes.MapGroup("/api/inspections/plans").WithTags("Plans")
            .RequireAuthorization(Policies.Authenticated)
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.User.SeesPlans() ? await next(context) : Problems.NotFound());

        plans.MapPost("/", CreatePlan).WithSummary("Plan unannounced visits (satgas)");
        plans.MapGet("/", ListPlans).WithSummary("List plans (satgas, leadership)");
        plans.MapGet("/{id:guid}", GetPlan).WithSummary("Get a plan (satgas, leadership)");
        plans.MapPost("/{id:guid}/cancel", CancelPlan).WithSummary("Cancel a plan (satgas)");
        return plans;
    }

    public static async Task<Results<Created<PlanView>, Ok<PlanView>, ValidationProblem, ProblemHttpResult>> CreatePlan(
        PlanRequest request, HttpContext http, InspectionsDb db, UnitDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        if (!http.User.IsSatgas())
        {
            return Problems.Forbidden("Only the satgas plans visits.");
        }
        var errors = new FieldErrors();
        var title = errors.Required(request.Title, "title", 300);
        var notes = errors.Optional(request.Notes, "notes", 4000);
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
            return errors.ToProblem();
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
            return errors.ToProblem();
        }

        var id = request.Id ?? Guid.CreateVersion7();
        var plan = SidakPlan.Create(id, title!, request.WindowStart!.Value, request.WindowEnd!.Value, request.UnitIds!,
            request.TeamMembers!, notes, http.User.Subject(), clock.GetUtcNow());
        if (await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } existing)
        {
            // A re-sent request with a client id: the same plan again is fine, another one is a conflict.
            return existing.Title == plan.Title && existing.WindowStart == plan.WindowStart && existing.WindowEnd == plan.WindowEnd
                   && existing.UnitIds.Order().SequenceEqual(plan.UnitIds.Order())
                ? TypedResults.Ok(PlanView.From(existing, await VisitCount(db, id, ct)))
                : Problems.Conflict("Another plan already has this id.");
        }
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/inspections/plans/{plan.Id}", PlanView.From(plan, 0));
    }

    public static async Task<Ok<PlanPage>> ListPlans(InspectionsDb db, DateOnly? from, DateOnly? to, string? status, Guid? unitId,
        CancellationToken ct)
    {
        var query = db.Plans.AsNoTracking();
        if (from is { } f)
        {
            query = query.Where(p => p.WindowEnd >= f);
        }
        if (to is { } t)
        {
            query = query.Where(p => p.WindowStart <= t);
        }
        if (Kebab.TryParse<PlanStatus>(status, out var st))
        {
            query = query.Where(p => p.Status == st);
        }
        if (unitId is { } u)
        {
            query = query.Where(p => p.UnitIds.Contains(u));
        }
        var plans = await query.OrderByDescending(p => p.WindowStart).Take(500).ToListAsync(ct);
        var ids = plans.Select(p => p.Id).ToList();
        var counts = await db.Visits.AsNoTracking().Where(v => v.PlanId != null && ids.Contains(v.PlanId.Value))
            .GroupBy(v => v.PlanId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return TypedResults.Ok(new PlanPage(plans.Select(p => PlanView.From(p, counts.GetValueOrDefault(p.Id))).ToList(), plans.Count));
    }

    public static async Task<Results<Ok<PlanView>, ProblemHttpResult>> GetPlan(Guid id, InspectionsDb db, CancellationToken ct) =>
        await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } plan
            ? TypedResults.Ok(PlanView.From(plan, await VisitCount(db, id, ct)))
            : Problems.NotFound();

    public static async Task<Results<Ok<PlanView>, ValidationProblem, ProblemHttpResult>> CancelPlan(Guid id, CancelPlanRequest request,
        HttpContext http, InspectionsDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!http.User.IsSatgas())
        {
            return Problems.Forbidden("Only the satgas cancels plans.");
        }
        var errors = new FieldErrors();
        var reason = errors.Required(request.Reason, "reason", 2000);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return Problems.NotFound();
        }
        plan.Cancel(http.User.Subject(), reason!, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PlanView.From(plan, await VisitCount(db, id, ct)));
    }

    private static Task<int> VisitCount(InspectionsDb db, Guid planId, CancellationToken ct) =>
        db.Visits.AsNoTracking().CountAsync(v => v.PlanId == planId, ct);
}
