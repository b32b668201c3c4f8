using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tinjau.Evaluations.Api.Apis;

public sealed record RecommendationRequest([property: Required, StringLength(4000)] string? Text, string? AspectCode, Guid? OwnerUnitId, DateOnly? DueOn, int? DueInWorkingDays);

public sealed record ProgressRequest([property: StringLength(4000)] string? Progress);

public sealed record DoneRequest([property: Required, StringLength(4000)] string? Evidence, List<LinkRequest>? Links);

public sealed record RecommendationView(Guid Id, Guid EvaluationId, Guid EvaluatedUnitId, int Year, Guid OwnerUnitId, string? AspectCode, string Text,
    DateOnly DueOn, string Status, bool Overdue, string? Progress, string? DoneEvidence, IReadOnlyList<EvidenceLink> DoneLinks, DateTimeOffset? DoneAt,
    DateTimeOffset? OverdueNotifiedAt, DateTimeOffset CreatedAt)
{
    public static RecommendationView From(Recommendation r, DateOnly today) => new(r.Id, r.EvaluationId, r.EvaluatedUnitId, r.Year, r.OwnerUnitId,
        r.AspectCode, r.Text, r.DueOn, r.Status.ToName(), r.IsOverdue(today), r.Progress, r.DoneEvidence, r.DoneLinks, r.DoneAt, r.OverdueNotifiedAt,
        r.CreatedAt);
}

/// <summary>Recommendations; what each does is in <see cref="RecommendationOperations"/>.</summary>
public static class RecommendationsApi
{
    public static void Map(RouteGroupBuilder staff)
    {
        var r = staff.MapGroup("").WithTags("Recommendations");
        r.MapPost("/{id:guid}/recommendations", Add)
            .WithSummary("Add a recommendation with owner unit and due date (dueOn, or dueInWorkingDays on the owner's calendar)")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);
        r.MapGet("/{id:guid}/recommendations", ListOfEvaluation).WithSummary("Recommendations of an evaluation")
            .ProducesProblems(StatusCodes.Status404NotFound);
        r.MapGet("/recommendations", List).WithSummary("Recommendations by owner unit, year, overdue (unit staff: their own unit)")
            .ProducesProblems(StatusCodes.Status403Forbidden);
        r.MapPost("/recommendations/{rid:guid}/start", Start).WithSummary("The owner unit starts work on it")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);
        r.MapPost("/recommendations/{rid:guid}/done", Done).WithSummary("The owner unit reports it done, with evidence")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Created<RecommendationView>, ValidationProblem, ProblemHttpResult>> Add(Guid id, RecommendationRequest request,
        RecommendationOperations recommendations, CancellationToken ct) =>
        (await recommendations.AddAsync(id, request, ct)).Created(r => $"/api/evaluations/recommendations/{r.Id}");

    private static async Task<Results<Ok<RecommendationView[]>, ValidationProblem, ProblemHttpResult>> ListOfEvaluation(Guid id,
        RecommendationOperations recommendations, CancellationToken ct) =>
        (await recommendations.OfEvaluationAsync(id, ct)).OkOrInvalid();

    private static async Task<Results<Ok<RecommendationView[]>, ValidationProblem, ProblemHttpResult>> List(Guid? unitId, int? year, bool? overdue,
        RecommendationOperations recommendations, CancellationToken ct) =>
        (await recommendations.ListAsync(unitId, year, overdue, ct)).OkOrInvalid();

    private static async Task<Results<Ok<RecommendationView>, ValidationProblem, ProblemHttpResult>> Start(Guid rid, ProgressRequest request,
        RecommendationOperations recommendations, CancellationToken ct) =>
        (await recommendations.StartAsync(rid, request, ct)).OkOrInvalid();

    private static async Task<Results<Ok<RecommendationView>, ValidationProblem, ProblemHttpResult>> Done(Guid rid, DoneRequest request,
        RecommendationOperations recommendations, CancellationToken ct) =>
        (await recommendations.DoneAsync(rid, request, ct)).OkOrInvalid();
}
