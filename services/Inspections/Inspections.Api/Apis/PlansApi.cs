using System.ComponentModel.DataAnnotations;

namespace Tinjau.Inspections.Api.Apis;

public sealed record PlanRequest(Guid? Id, [property: Required, StringLength(300)] string? Title, DateOnly? WindowStart, DateOnly? WindowEnd, List<Guid>? UnitIds,
    List<string>? TeamMembers, [property: StringLength(4000)] string? Notes);

public sealed record CancelPlanRequest([property: Required, StringLength(2000)] string? Reason);

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
/// leadership and admins), whether the plan exists or not, and lists nothing to them (<see cref="SidakSecrecy"/>).
/// </summary>
public static class PlansApi
{
    public static RouteGroupBuilder MapPlansApi(this IEndpointRouteBuilder routes)
    {
        var plans = routes.MapGroup("/api/inspections/plans").WithTags("Plans")
            .RequireAuthorization(InspectionsPolicies.PlanReaders).WithMetadata(SidakSecrecy.SecretRoute);

        plans.MapPost("/", CreatePlan).WithSummary("Plan unannounced visits (satgas)").RequireSatgas("Only the satgas plans visits.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        plans.MapGet("/", ListPlans).WithSummary("List plans (satgas, leadership)")
            .ProducesProblems(StatusCodes.Status404NotFound);
        plans.MapGet("/{id:guid}", GetPlan).WithSummary("Get a plan (satgas, leadership)")
            .ProducesProblems(StatusCodes.Status404NotFound);
        plans.MapPost("/{id:guid}/cancel", CancelPlan).WithSummary("Cancel a plan (satgas)").RequireSatgas("Only the satgas cancels plans.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return plans;
    }

    public static async Task<Results<Created<PlanView>, Ok<PlanView>, ValidationProblem, ProblemHttpResult>> CreatePlan(
        PlanRequest request, PlanOperations plans, CancellationToken ct) =>
        (await plans.CreateAsync(request, ct)).CreatedOrOk(p => $"/api/inspections/plans/{p.Id}");

    public static async Task<Ok<PlanPage>> ListPlans(PlanOperations plans, DateOnly? from, DateOnly? to, string? status, Guid? unitId,
        CancellationToken ct) =>
        TypedResults.Ok(await plans.ListAsync(from, to, status, unitId, ct));

    public static async Task<Results<Ok<PlanView>, ProblemHttpResult>> GetPlan(Guid id, PlanOperations plans, CancellationToken ct) =>
        (await plans.GetAsync(id, ct)).Ok();

    public static async Task<Results<Ok<PlanView>, ValidationProblem, ProblemHttpResult>> CancelPlan(Guid id, CancelPlanRequest request,
        PlanOperations plans, CancellationToken ct) =>
        (await plans.CancelAsync(id, request, ct)).OkOrInvalid();
}
