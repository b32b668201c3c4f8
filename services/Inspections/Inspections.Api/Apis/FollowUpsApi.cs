namespace Tinjau.Inspections.Api.Apis;

/// <summary>
/// Follow-up of findings (<see cref="FollowUpOperations"/>): clarification request → the unit head answers → the satgas
/// accepts or escalates → sanction recommendation to the officer's direct superior → the superior's decision.
/// </summary>
public static class FollowUpsApi
{
    public static RouteGroupBuilder MapFollowUpsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/inspections").WithTags("Follow-up").RequireAuthorization(Policies.Authenticated);
        api.MapPost("/findings/{findingId:guid}/clarifications", RequestClarification).WithSummary("Ask the unit to clarify a finding (satgas)")
            .RequireSatgas("Only the satgas requests clarifications.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        api.MapGet("/clarifications/{id:guid}", GetClarification).WithSummary("Get a clarification request")
            .ProducesProblems(StatusCodes.Status404NotFound);
        api.MapPost("/clarifications/{id:guid}/answer", Answer).WithSummary("The unit head answers (publishes ClarificationAnswered)")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        api.MapPost("/clarifications/{id:guid}/accept", Accept).WithSummary("The satgas accepts the answer (satgas)")
            .RequireSatgas("Only the satgas reviews answers.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        api.MapPost("/clarifications/{id:guid}/escalate", Escalate)
            .WithSummary("The satgas escalates: a sanction recommendation (PP 94/2021) goes to the officer's direct superior")
            .RequireSatgas("Only the satgas escalates.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        api.MapGet("/sanctions/{id:guid}", GetSanction).WithSummary("Get a sanction recommendation")
            .ProducesProblems(StatusCodes.Status404NotFound);
        api.MapPost("/sanctions/{id:guid}/decision", Decide).WithSummary("Record the direct superior's decision (publishes SanctionDecided)")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        api.MapGet("/follow-ups", ListFollowUps).WithSummary("Open follow-ups (clarifications, sanctions), overdue ones flagged");
        return api;
    }

    public static async Task<Results<Created<ClarificationView>, Ok<ClarificationView>, ValidationProblem, ProblemHttpResult>> RequestClarification(
        Guid findingId, ClarificationRequestBody body, FollowUpOperations followUps, CancellationToken ct) =>
        (await followUps.RequestClarificationAsync(findingId, body, ct)).CreatedOrOk(c => $"/api/inspections/clarifications/{c.Id}");

    public static async Task<Results<Ok<ClarificationView>, ProblemHttpResult>> GetClarification(Guid id, FollowUpOperations followUps,
        CancellationToken ct) =>
        (await followUps.GetClarificationAsync(id, ct)).Ok();

    public static async Task<Results<Ok<ClarificationView>, ValidationProblem, ProblemHttpResult>> Answer(Guid id, AnswerBody body,
        FollowUpOperations followUps, CancellationToken ct) =>
        (await followUps.AnswerAsync(id, body, ct)).OkOrInvalid();

    public static async Task<Results<Ok<ClarificationView>, ProblemHttpResult>> Accept(Guid id, ReviewBody body, FollowUpOperations followUps,
        CancellationToken ct) =>
        (await followUps.AcceptAsync(id, body, ct)).Ok();

    public static async Task<Results<Created<SanctionView>, ValidationProblem, ProblemHttpResult>> Escalate(Guid id, EscalateBody body,
        FollowUpOperations followUps, CancellationToken ct) =>
        (await followUps.EscalateAsync(id, body, ct)).Created(s => $"/api/inspections/sanctions/{s.Id}");

    public static async Task<Results<Ok<SanctionView>, ProblemHttpResult>> GetSanction(Guid id, FollowUpOperations followUps, CancellationToken ct) =>
        (await followUps.GetSanctionAsync(id, ct)).Ok();

    public static async Task<Results<Ok<SanctionView>, ValidationProblem, ProblemHttpResult>> Decide(Guid id, DecisionBody body,
        FollowUpOperations followUps, CancellationToken ct) =>
        (await followUps.DecideAsync(id, body, ct)).OkOrInvalid();

    public static async Task<Ok<FollowUpList>> ListFollowUps(Guid? unitId, bool? overdueOnly, FollowUpOperations followUps, CancellationToken ct) =>
        TypedResults.Ok(await followUps.ListAsync(unitId, overdueOnly, ct));
}
