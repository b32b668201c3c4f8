using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tinjau.Evaluations.Api.Apis;

public sealed record ChecklistItemView(string Code, string Text, bool Met, string? Note);

/// <summary>
/// The checklist of a unit for a year. A year not recorded yet shows the answers of the latest earlier year
/// (<c>CarriedFrom</c>), with <c>UpdatedAt</c> null: they count for the year only once saved for it.
/// </summary>
public sealed record ChecklistView(Guid UnitId, IReadOnlyList<ChecklistItemView> Items, int Met, int Total, DateTimeOffset? UpdatedAt, int Year,
    int? CarriedFrom = null);

public sealed record ChecklistRequest(List<ChecklistAnswerRequest>? Items);

public sealed record ChecklistAnswerRequest(string? Code, bool? Met, [property: StringLength(2000)] string? Note);

public sealed record ReadinessView(Guid UnitId, int Year, decimal? PredictedScore, string Zone, IReadOnlyList<ReadinessComponent> Components, string Rule,
    ComplaintStats Complaints, SidakStats Sidak, ChecklistView Checklist, IReadOnlyList<string> Missing);

public sealed record EarlyWarning(int Year, IReadOnlyList<ReadinessView> Units, string Rule);

/// <summary>Platform evidence, Ombudsman readiness and scorecards; what each does is in <see cref="InsightOperations"/>.</summary>
public static class InsightsApi
{
    private const int NotFound = StatusCodes.Status404NotFound, Forbidden = StatusCodes.Status403Forbidden;

    public static void Map(RouteGroupBuilder staff, RouteGroupBuilder cityWide, RouteGroupBuilder anonymous)
    {
        staff.MapGet("/evidence/units/{unitId:guid}", Evidence).WithTags("Platform evidence")
            .WithSummary("A unit's complaint and sidak record of a year (read models of Complaints and Inspections events)").ProducesProblems(Forbidden);

        staff.MapGet("/ombudsman/units/{unitId:guid}/checklist", GetChecklist).WithTags("Ombudsman readiness").WithSummary("The readiness checklist of a unit for a year (default: this year)")
            .ProducesProblems(Forbidden);
        staff.MapPut("/ombudsman/units/{unitId:guid}/checklist", PutChecklist).WithTags("Ombudsman readiness")
            .WithSummary("Record the checklist of a year (unit staff/head of the unit; default: this year)").ProducesProblems(Forbidden);
        staff.MapGet("/ombudsman/units/{unitId:guid}/readiness", Readiness).WithTags("Ombudsman readiness")
            .WithSummary("Predicted Ombudsman zone (green/yellow/red) from the platform's own data").ProducesProblems(Forbidden);
        cityWide.MapGet("/ombudsman/early-warning", EarlyWarningList).WithTags("Ombudsman readiness")
            .WithSummary("City-wide list of units predicted red, or yellow within the warning margin of red");

        cityWide.MapGet("/figures/units", UnitFigures).WithTags("Scorecards")
            .WithSummary("Every unit's complaint (resolved, share within SLA) and sidak (visits, findings) figures of a year");
        cityWide.MapGet("/scorecards", Rankings).WithTags("Scorecards").WithSummary("City ranking of a year with per-aspect breakdown and trend (cached)");
        staff.MapGet("/scorecards/units/{unitId:guid}", UnitScorecard).WithTags("Scorecards").WithSummary("A unit's scorecard of a year")
            .ProducesProblems(NotFound, Forbidden);
        anonymous.MapGet("/public/scorecards", Rankings).WithTags("Public").WithSummary("Public ranking: finished, signed results only");
        anonymous.MapGet("/public/scorecards/units/{unitId:guid}", PublicUnitScorecard).WithTags("Public")
            .WithSummary("Public scorecard of a unit: finished, signed results only").ProducesProblems(NotFound);
    }

    private static async Task<Results<Ok<PlatformEvidenceView>, ValidationProblem, ProblemHttpResult>> Evidence(Guid unitId, int? year,
        InsightOperations insights, CancellationToken ct) =>
        (await insights.EvidenceAsync(unitId, year, ct)).OkOrInvalid();

    private static async Task<Results<Ok<ChecklistView>, ValidationProblem, ProblemHttpResult>> GetChecklist(Guid unitId, int? year,
        InsightOperations insights, CancellationToken ct) =>
        (await insights.ChecklistAsync(unitId, year, ct)).OkOrInvalid();

    private static async Task<Results<Ok<ChecklistView>, ValidationProblem, ProblemHttpResult>> PutChecklist(Guid unitId, int? year,
        ChecklistRequest request, InsightOperations insights, CancellationToken ct) =>
        (await insights.RecordChecklistAsync(unitId, year, request, ct)).OkOrInvalid();

    private static async Task<Results<Ok<ReadinessView>, ValidationProblem, ProblemHttpResult>> Readiness(Guid unitId, int? year,
        InsightOperations insights, CancellationToken ct) =>
        (await insights.ReadinessAsync(unitId, year, ct)).OkOrInvalid();

    private static async Task<Ok<EarlyWarning>> EarlyWarningList(int? year, InsightOperations insights, CancellationToken ct) =>
        TypedResults.Ok(await insights.EarlyWarningAsync(year, ct));

    private static async Task<Ok<List<UnitFigures>>> UnitFigures(int? year, InsightOperations insights, CancellationToken ct) =>
        TypedResults.Ok(await insights.UnitFiguresAsync(year, ct));

    private static async Task<Ok<Ranking>> Rankings(int? year, InsightOperations insights, CancellationToken ct) =>
        TypedResults.Ok(await insights.RankingAsync(year, ct));

    private static async Task<Results<Ok<Scorecard>, ValidationProblem, ProblemHttpResult>> UnitScorecard(Guid unitId, int? year,
        InsightOperations insights, CancellationToken ct) =>
        (await insights.ScorecardAsync(unitId, year, ct)).OkOrInvalid();

    private static async Task<Results<Ok<Scorecard>, ValidationProblem, ProblemHttpResult>> PublicUnitScorecard(Guid unitId, int? year,
        InsightOperations insights, CancellationToken ct) =>
        (await insights.PublicScorecardAsync(unitId, year, ct)).OkOrInvalid();
}
