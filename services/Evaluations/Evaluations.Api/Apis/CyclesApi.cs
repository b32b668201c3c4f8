using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tinjau.Evaluations.Api.Apis;

public sealed record CycleRequest(int? Year, [property: Required, StringLength(200)] string? Name, bool? Mandiri, string? InstrumentCode, int? InstrumentVersion, CycleSchedule? Schedule);

public sealed record CycleResponse(Guid Id, int Year, string Name, bool Mandiri, string Instrument, Guid InstrumentId, CycleSchedule Schedule,
    IReadOnlyList<EvaluationSummary> Units, DateTimeOffset CreatedAt);

public sealed record TeamMemberRequest([property: Required, StringLength(100)] string? SubjectId, [property: Required, StringLength(200)] string? Name, string? Role);

public sealed record AddUnitRequest(Guid? UnitId, List<TeamMemberRequest>? Team);

public sealed record EvaluationSummary(Guid Id, Guid CycleId, Guid UnitId, string UnitCode, string UnitName, int Year, bool Mandiri, string Status,
    IReadOnlyList<TeamMember> Team, string? ReturnReason, int Submissions, DateTimeOffset? SubmittedAt, string? BeritaAcaraSha256,
    IReadOnlyList<Signature> Signatures, decimal? FinalIpp, string? FinalCategory, string? FinalCategoryLabel, DateTimeOffset? FinalizedAt,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static EvaluationSummary From(Evaluation e) => new(e.Id, e.CycleId, e.UnitId, e.UnitCode, e.UnitName, e.Year, e.Mandiri, e.Status.ToName(),
        e.Team, e.ReturnReason, e.Submissions, e.SubmittedAt, e.BeritaAcaraSha256, e.Signatures, e.FinalIpp, e.FinalCategory, e.FinalCategoryLabel,
        e.FinalizedAt, e.CreatedAt, e.UpdatedAt);
}

/// <summary>Cycles, their units and the evaluations; what each does is in <see cref="CycleOperations"/>.</summary>
public static class CyclesApi
{
    public static void Map(RouteGroupBuilder staff, RouteGroupBuilder evaluators, RouteGroupBuilder cityWide)
    {
        staff.MapPost("/cycles", Create).WithTags("Cycles")
            .WithSummary("Open an evaluation cycle for a year (evaluators; a unit head may open a mandiri cycle)")
            .ProducesProblems(StatusCodes.Status403Forbidden);
        cityWide.MapGet("/cycles", List).WithTags("Cycles").WithSummary("Cycles, optionally of one year");
        cityWide.MapGet("/cycles/{id:guid}", Get).WithTags("Cycles").WithSummary("A cycle with its units (lokus) and their status")
            .ProducesProblems(StatusCodes.Status404NotFound);
        staff.MapPost("/cycles/{id:guid}/units", AddUnit).WithTags("Cycles")
            .WithSummary("Add a unit (lokus) with its evaluator team: lead, members, verifiers (mandiri: the unit's head adds their own unit)")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);
        staff.MapGet("/", ListEvaluations).WithTags("Evaluations")
            .WithSummary("Evaluations, filtered by year, cycle or unit (unit staff see their own unit only)")
            .ProducesProblems(StatusCodes.Status403Forbidden);
        staff.MapGet("/{id:guid}", GetEvaluation).WithTags("Evaluations").WithSummary("An evaluation: status, team, signatures, final result")
            .ProducesProblems(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Created<CycleResponse>, ValidationProblem, ProblemHttpResult>> Create(CycleRequest request,
        CycleOperations cycles, CancellationToken ct) =>
        (await cycles.CreateAsync(request, ct)).Created(c => $"/api/evaluations/cycles/{c.Id}");

    private static async Task<Ok<IReadOnlyList<CycleResponse>>> List(int? year, CycleOperations cycles, CancellationToken ct) =>
        TypedResults.Ok(await cycles.ListAsync(year, ct));

    private static async Task<Results<Ok<CycleResponse>, ValidationProblem, ProblemHttpResult>> Get(Guid id, CycleOperations cycles,
        CancellationToken ct) =>
        (await cycles.GetAsync(id, ct)).OkOrInvalid();

    private static async Task<Results<Created<EvaluationSummary>, ValidationProblem, ProblemHttpResult>> AddUnit(Guid id, AddUnitRequest request,
        CycleOperations cycles, CancellationToken ct) =>
        (await cycles.AddUnitAsync(id, request, ct)).Created(e => $"/api/evaluations/{e.Id}");

    private static async Task<Results<Ok<EvaluationSummary[]>, ValidationProblem, ProblemHttpResult>> ListEvaluations(int? year, Guid? cycleId,
        Guid? unitId, CycleOperations cycles, CancellationToken ct) =>
        (await cycles.ListEvaluationsAsync(year, cycleId, unitId, ct)).OkOrInvalid();

    private static async Task<Results<Ok<EvaluationSummary>, ValidationProblem, ProblemHttpResult>> GetEvaluation(Guid id, CycleOperations cycles,
        CancellationToken ct) =>
        (await cycles.EvaluationAsync(id, ct)).OkOrInvalid();
}
