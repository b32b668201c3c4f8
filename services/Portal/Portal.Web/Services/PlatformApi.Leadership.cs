using System.Net.Http.Json;

namespace Tinjau.Portal.Web.Services;

/// <summary>
/// The leadership dashboard's calls, with the signed-in user's own token: the evaluations service answers city-wide
/// readers only for rankings and the early-warning list, and the complaints service city-wide statistics likewise.
/// </summary>
public sealed partial class PlatformApi
{
    /// <summary>Every finalized result of a year (mandiri ones unranked), with the change against the previous year.</summary>
    public Task<ApiResult<Ranking>> RankingAsync(int year, CancellationToken ct) =>
        SendAsync<Ranking>(HttpMethod.Get, $"{Evaluations}/scorecards?year={year}", null, ct);

    public Task<ApiResult<EarlyWarning>> EarlyWarningAsync(int year, CancellationToken ct) =>
        SendAsync<EarlyWarning>(HttpMethod.Get, $"{Evaluations}/ombudsman/early-warning?year={year}", null, ct);

    /// <summary>Every unit's complaint (resolved, within SLA) and sidak (visits, findings) figures of a year.</summary>
    public Task<ApiResult<List<UnitFigures>>> UnitFiguresAsync(int year, CancellationToken ct) =>
        SendAsync<List<UnitFigures>>(HttpMethod.Get, $"{Evaluations}/figures/units?year={year}", null, ct);

    public Task<ApiResult<Readiness>> ReadinessAsync(Guid unitId, int year, CancellationToken ct) =>
        SendAsync<Readiness>(HttpMethod.Get, $"{Evaluations}/ombudsman/units/{unitId}/readiness?year={year}", null, ct);

    /// <summary>The unit's checklist of a year (one not recorded yet: the latest earlier year's answers, <c>CarriedFrom</c>).</summary>
    public Task<ApiResult<ReadinessChecklist>> ChecklistAsync(Guid unitId, int year, CancellationToken ct) =>
        SendAsync<ReadinessChecklist>(HttpMethod.Get, $"{Evaluations}/ombudsman/units/{unitId}/checklist?year={year}", null, ct);

    /// <summary>Records every item of the unit's checklist of a year at once (the service refuses anyone outside the unit).</summary>
    public Task<ApiResult<ReadinessChecklist>> RecordChecklistAsync(Guid unitId, int year, IEnumerable<(string Code, bool Met, string? Note)> items,
        CancellationToken ct) =>
        SendAsync<ReadinessChecklist>(HttpMethod.Put, $"{Evaluations}/ombudsman/units/{unitId}/checklist?year={year}",
            JsonContent.Create(new { items = items.Select(i => new { code = i.Code, met = i.Met, note = i.Note }) }, options: Json), ct);

    /// <summary>A unit's scorecard of a year: 404 when it has no finalized result then.</summary>
    public Task<ApiResult<Scorecard>> UnitScorecardAsync(Guid unitId, int year, CancellationToken ct) =>
        SendAsync<Scorecard>(HttpMethod.Get, $"{Evaluations}/scorecards/units/{unitId}?year={year}", null, ct);

    public Task<ApiResult<List<RecommendationView>>> UnitRecommendationsAsync(Guid unitId, CancellationToken ct) =>
        SendAsync<List<RecommendationView>>(HttpMethod.Get, $"{Evaluations}/recommendations?unitId={unitId}", null, ct);

    /// <summary>Complaint figures of filing dates <paramref name="from"/> to <paramref name="to"/> (both inclusive), city-wide.</summary>
    public Task<ApiResult<ComplaintStatistics>> CityComplaintStatisticsAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        SendAsync<ComplaintStatistics>(HttpMethod.Get, $"/api/complaints/statistics?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", null, ct);

    /// <summary>The latest complaints of a unit (the list never carries a reporter).</summary>
    public Task<ApiResult<ComplaintPage>> UnitComplaintsAsync(Guid unitId, int count, CancellationToken ct) =>
        SendAsync<ComplaintPage>(HttpMethod.Get, $"/api/complaints?unitId={unitId}&pageSize={count}", null, ct);
}
