namespace Tinjau.Complaints.Api.Apis;

public static class StatisticsApi
{
    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/complaints/statistics", GetAsync).WithTags("Statistics").RequireAuthorization(Policies.Staff)
            .WithSummary("Counts by status and channel, share answered within SLA, median working days to resolve, average rating");
        return app;
    }

    public static async Task<Results<Ok<StatisticsView>, ValidationProblem, ProblemHttpResult>> GetAsync(ClaimsPrincipal user,
        ComplaintStatistics statistics, ComplaintAccess access, TimeProvider time, IOptions<ComplaintsOptions> options, CancellationToken ct,
        Guid? unitId = null, DateOnly? from = null, DateOnly? to = null)
    {
        // The default window ends today in the city's time zone (WIB), not on the UTC date.
        var today = LocalDates.Today(time.GetUtcNow(), IndonesianTimeZones.Find(options.Value.City.TimeZone));
        var end = to ?? today;
        var start = from ?? end.AddDays(-30);
        if (start > end)
        {
            return Problems.Validation("from", "from must not be after to.");
        }
        if (end.DayNumber - start.DayNumber > 3660)
        {
            return Problems.Validation("to", "At most ten years at once.");
        }
        if (!ComplaintAccess.IsCityWideReader(user))
        {
            var scope = await access.UnitScopeAsync(user, ct);
            if (unitId is null || !scope.Contains(unitId.Value))
            {
                return Problems.Forbidden("Unit staff see the statistics of their own unit(s) only: pass unitId.");
            }
        }
        return TypedResults.Ok(await statistics.GetAsync(unitId, start, end, ct));
    }
}
