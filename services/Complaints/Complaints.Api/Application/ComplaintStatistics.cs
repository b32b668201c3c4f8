namespace Tinjau.Complaints.Api.Application;

public sealed record StatisticsView(
    Guid? UnitId,
    DateOnly From,
    DateOnly To,
    int Total,
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<string, int> ByChannel,
    int Answered,
    int AnsweredWithinSla,
    double? ShareAnsweredWithinSla,
    double? MedianWorkingDaysToResolve,
    int Ratings,
    double? AverageRating,
    DateTimeOffset ComputedAt);

/// <summary>
/// Statistics per unit and period from the <c>complaint_stats</c> read model (kept in the same transaction as every
/// change), cached for a short while (<see cref="ServiceCache"/>, in Redis under <c>complaints:stats:</c>). The period
/// is of filing dates, both ends inclusive, in the city's zone.
/// </summary>
public sealed class ComplaintStatistics(ComplaintsDb db, ServiceCache cache, IOptions<ComplaintsOptions> options, TimeProvider time)
{
    private sealed class Totals
    {
        public int Total { get; set; }
        public int Answered { get; set; }
        public int AnsweredWithinSla { get; set; }
        public double? Median { get; set; }
        public int Ratings { get; set; }
        public double? AverageRating { get; set; }
    }

    public async Task<StatisticsView> GetAsync(Guid? unitId, DateOnly from, DateOnly to, CancellationToken ct) =>
        await cache.GetOrCreateAsync($"stats:v1:{unitId?.ToString() ?? "all"}:{from:yyyyMMdd}:{to:yyyyMMdd}",
            async token => await ComputeAsync(unitId, from, to, token), options.Value.StatisticsCacheDuration, null, ct);

    private async Task<StatisticsView> ComputeAsync(Guid? unitId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var zone = IndonesianTimeZones.Find(options.Value.City.TimeZone);
        var start = IndonesianTimeZones.EndOfDay(from.AddDays(-1), zone);
        var end = IndonesianTimeZones.EndOfDay(to, zone);

        var rows = db.Stats.AsNoTracking().Where(s => s.FiledAt >= start && s.FiledAt < end);
        if (unitId is { } u)
        {
            rows = rows.Where(s => s.UnitId == u);
        }
        var byStatus = await rows.GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var byChannel = await rows.GroupBy(s => s.Channel).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        // One query for the city and for a unit: every unit's rows count when no unit is asked for.
        var (everyUnit, unit) = (unitId is null, unitId ?? Guid.Empty);
        var totals = await db.Database.SqlQuery<Totals>($"""
            SELECT count(*)::int AS "Total",
                   count(*) FILTER (WHERE "Answered")::int AS "Answered",
                   count(*) FILTER (WHERE "Answered" AND "AnsweredWithinSla")::int AS "AnsweredWithinSla",
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY "WorkingDaysToResolve") AS "Median",
                   count("Rating")::int AS "Ratings",
                   avg("Rating")::float8 AS "AverageRating"
            FROM complaint_stats WHERE "FiledAt" >= {start} AND "FiledAt" < {end} AND ({everyUnit} OR "UnitId" = {unit})
            """).SingleAsync(ct);

        foreach (var s in Enum.GetNames<ComplaintStatus>())
        {
            byStatus.TryAdd(s, 0);
        }
        return new StatisticsView(unitId, from, to, totals.Total, byStatus, byChannel, totals.Answered, totals.AnsweredWithinSla,
            totals.Answered == 0 ? null : Math.Round((double)totals.AnsweredWithinSla / totals.Answered, 4),
            totals.Median, totals.Ratings, totals.AverageRating is { } avg ? Math.Round(avg, 2) : null, time.GetUtcNow());
    }
}
