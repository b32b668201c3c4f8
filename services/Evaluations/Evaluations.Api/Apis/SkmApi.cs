using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tinjau.Evaluations.Api.Apis;

public sealed record SkmSurveyRequest(Guid? UnitId, int? Year, [property: Required, StringLength(40)] string? Period, [property: StringLength(200)] string? ServiceName, int? Population);

public sealed record SkmSurveyView(Guid Id, Guid UnitId, string UnitName, int Year, string Period, string? ServiceName, int Population,
    int MinimumSample, string PublicLink, bool Closed, DateTimeOffset CreatedAt)
{
    public static SkmSurveyView From(SkmSurvey s) => new(s.Id, s.UnitId, s.UnitName, s.Year, s.Period, s.ServiceName, s.Population,
        KrejcieMorgan.MinimumSample(s.Population), $"/api/skm/public/{s.PublicSlug}", s.Closed, s.CreatedAt);
}

public sealed record SkmResultsView(Guid SurveyId, Guid UnitId, int Year, string Period, int Population, int MinimumSample, int Responses,
    bool SampleReached, string SampleRule, SkmResult Result, IReadOnlyList<SkmElementResult> WeakestElements);

public sealed record SkmPublicView(string UnitName, string Period, string? ServiceName, IReadOnlyList<SkmElementView> Elements, string Scale);

public sealed record SkmElementView(string Code, string Name);

/// <summary>Nine answers and the one-response token issued to this device (or header <c>X-Skm-Token</c>).</summary>
public sealed record SkmAnswerRequest(List<int>? Answers, string? ResponseToken = null);

public sealed record SkmTokenView(string ResponseToken, DateTimeOffset ExpiresAt);

public sealed record SkmPublicResult(Guid UnitId, string UnitName, string Period, string? ServiceName, int Responses, int MinimumSample,
    bool SampleSufficient, decimal? Ikm, string? Category, string? CategoryLabel);

public sealed record SkmPublicResults(int Year, IReadOnlyList<SkmPublicResult> Items);

public sealed record SampleSizeView(int Population, int MinimumSample, string Rule);

/// <summary>SKM surveys, their public links and results; what each does is in <see cref="SkmOperations"/>.</summary>
public static class SkmApi
{
    private const int NotFound = StatusCodes.Status404NotFound, Forbidden = StatusCodes.Status403Forbidden, Conflict = StatusCodes.Status409Conflict;

    public static void Map(RouteGroupBuilder skm)
    {
        var staff = skm.MapGroup("/surveys").RequireAuthorization(Policies.Staff).WithTags("SKM");
        staff.MapPost("/", Create).WithSummary("Open an SKM survey of a unit and period (the unit's own staff/head, or evaluators)").ProducesProblems(Forbidden);
        staff.MapGet("/", List).WithSummary("Surveys of a unit (unit staff: their own unit)").ProducesProblems(Forbidden);
        staff.MapGet("/{id:guid}", Get).WithSummary("A survey with its public link and minimum sample").ProducesProblems(NotFound);
        staff.MapGet("/{id:guid}/results", Results).WithSummary("IKM, category, per-element NRR and the sample against Krejcie–Morgan")
            .ProducesProblems(NotFound);
        staff.MapPost("/{id:guid}/close", Close).WithSummary("Close the survey").ProducesProblems(NotFound, Forbidden, Conflict);

        var open = skm.MapGroup("").AllowAnonymous().WithTags("SKM public");
        open.MapGet("/public/results", PublicResults).WithSummary("IKM and band of every closed survey of a year (public scorecards)").ProducesProblems();
        open.MapGet("/public/{slug}", PublicForm).WithSummary("The nine questions (1–4) behind a public link").ProducesProblems(NotFound);
        open.MapPost("/public/{slug}/tokens", IssueToken).RequireRateLimiting(SkmTokenLimit.Policy)
            .WithSummary("A one-response token for this device (no account; limited per address and hour)").ProducesProblems(NotFound, Conflict);
        open.MapPost("/public/{slug}/responses", Answer)
            .WithSummary("Answer the survey (nine answers 1–4, in element order U1…U9) with a one-response token").ProducesProblems(NotFound, Conflict);
        open.MapGet("/sample-size", SampleSize).WithSummary("Krejcie–Morgan minimum sample for a population");
    }

    private static async Task<Results<Created<SkmSurveyView>, ValidationProblem, ProblemHttpResult>> Create(SkmSurveyRequest request,
        SkmOperations skm, CancellationToken ct) =>
        (await skm.CreateAsync(request, ct)).Created(s => $"/api/skm/surveys/{s.Id}");

    private static async Task<Results<Ok<SkmSurveyView[]>, ValidationProblem, ProblemHttpResult>> List(Guid? unitId, int? year, SkmOperations skm,
        CancellationToken ct) =>
        (await skm.ListAsync(unitId, year, ct)).OkOrInvalid();

    private static async Task<Results<Ok<SkmSurveyView>, ValidationProblem, ProblemHttpResult>> Get(Guid id, SkmOperations skm, CancellationToken ct) =>
        (await skm.GetAsync(id, ct)).OkOrInvalid();

    private static async Task<Results<Ok<SkmResultsView>, ValidationProblem, ProblemHttpResult>> Results(Guid id, SkmOperations skm,
        CancellationToken ct) =>
        (await skm.ResultsAsync(id, ct)).OkOrInvalid();

    private static async Task<Results<Ok<SkmPublicResults>, ValidationProblem, ProblemHttpResult>> PublicResults(int? year, SkmOperations skm,
        CancellationToken ct) =>
        (await skm.PublicResultsAsync(year, ct)).OkOrInvalid();

    private static async Task<Results<Ok<SkmSurveyView>, ValidationProblem, ProblemHttpResult>> Close(Guid id, SkmOperations skm, CancellationToken ct) =>
        (await skm.CloseAsync(id, ct)).OkOrInvalid();

    private static async Task<Results<Ok<SkmPublicView>, ValidationProblem, ProblemHttpResult>> PublicForm(string slug, SkmOperations skm,
        CancellationToken ct) =>
        (await skm.PublicFormAsync(slug, ct)).OkOrInvalid();

    private static async Task<Results<Created<SkmTokenView>, ValidationProblem, ProblemHttpResult>> IssueToken(string slug, SkmOperations skm,
        CancellationToken ct) =>
        (await skm.IssueTokenAsync(slug, ct)).Created(_ => null);

    /// <summary>The token comes in the body or in header <c>X-Skm-Token</c>.</summary>
    private static async Task<Results<Created<ResponseReceived>, ValidationProblem, ProblemHttpResult>> Answer(string slug, SkmAnswerRequest request,
        HttpRequest http, SkmOperations skm, CancellationToken ct) =>
        (await skm.AnswerAsync(slug, request.Answers, request.ResponseToken ?? http.Headers["X-Skm-Token"].FirstOrDefault(), ct)).Created(_ => null);

    private static Results<Ok<SampleSizeView>, ValidationProblem> SampleSize(int? population) =>
        population is not (>= 0 and <= int.MaxValue)
            ? Problems.Validation("population", "A population of 0 or more.")
            : TypedResults.Ok(new SampleSizeView(population.Value, KrejcieMorgan.MinimumSample(population.Value), KrejcieMorgan.Rule));
}
