namespace Tinjau.Evaluations.Api.Application;

public sealed record ScorecardAspect(string Code, string Name, decimal Weight, decimal Score, decimal? PreviousScore, decimal? Change);

public sealed record Scorecard(Guid UnitId, string UnitCode, string UnitName, int Year, Guid EvaluationId, bool Mandiri, decimal Ipp,
    string Category, string CategoryLabel, decimal? PreviousIpp, decimal? Change, IReadOnlyList<ScorecardAspect> Aspects,
    DateTimeOffset FinalizedAt, int? Rank, int RankedUnits);

public sealed record Ranking(int Year, int Units, IReadOnlyList<Scorecard> Items);

/// <summary>
/// Scorecards and rankings of finalized (fully signed) evaluations, with the trend against the previous year, cached per
/// year in the service cache (key and tag <c>rankings:{year}</c>, in Redis <c>evaluations:rankings:{year}</c>;
/// <c>Evaluations:Scorecards:CacheSeconds</c>, default 300) and dropped when an evaluation of that year or the next is
/// finalized. Only finalized results exist here, so the public view and the staff view read the same data. External
/// (non-mandiri) results are ranked; mandiri results are listed unranked.
/// </summary>
public sealed class Scorecards(EvaluationsDbContext db, ServiceCache cache, IConfiguration configuration)
{
    public static string Key(int year) => $"rankings:{year}";

    public async Task<Ranking> RankingAsync(int year, CancellationToken ct) =>
        await cache.GetOrCreateAsync(Key(year), async token => await ComputeAsync(year, token),
            TimeSpan.FromSeconds(configuration.GetValue("Evaluations:Scorecards:CacheSeconds", 300)), [Key(year)], ct);

    public async Task InvalidateAsync(int year)
    {
        await cache.RemoveByTagAsync(Key(year));
        await cache.RemoveByTagAsync(Key(year + 1));
    }

    private async Task<Ranking> ComputeAsync(int year, CancellationToken ct)
    {
        var finals = await db.Evaluations.AsNoTracking().IgnoreAutoIncludes()
            .Where(e => (e.Year == year || e.Year == year - 1) && e.Status == EvaluationStatus.Finalized)
            .Select(e => new { e.Id, e.UnitId, e.UnitCode, e.UnitName, e.Year, e.Mandiri, e.FinalIpp, e.FinalCategory, e.FinalCategoryLabel, e.FinalAspects, e.FinalizedAt })
            .ToListAsync(ct);
        // one result per unit and year: the external evaluation if any, else the latest mandiri one
        var latest = finals.GroupBy(e => (e.UnitId, e.Year))
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.Mandiri).ThenByDescending(e => e.FinalizedAt).First());
        var current = latest.Values.Where(e => e.Year == year).ToList();
        var ranked = current.Where(e => !e.Mandiri).OrderByDescending(e => e.FinalIpp).ThenBy(e => e.UnitCode, StringComparer.Ordinal).ToList();
        var items = new List<Scorecard>();
        foreach (var e in ranked.Concat(current.Where(e => e.Mandiri).OrderBy(e => e.UnitCode, StringComparer.Ordinal)))
        {
            latest.TryGetValue((e.UnitId, year - 1), out var prev);
            var aspects = (e.FinalAspects ?? []).Select(a =>
            {
                var p = prev?.FinalAspects?.FirstOrDefault(x => x.Code == a.Code);
                return new ScorecardAspect(a.Code, a.Name, a.Weight, a.Score, p?.Score, p is null ? null : a.Score - p.Score);
            }).ToList();
            var rank = e.Mandiri ? (int?)null : ranked.FindIndex(x => x.Id == e.Id) + 1;
            items.Add(new Scorecard(e.UnitId, e.UnitCode, e.UnitName, e.Year, e.Id, e.Mandiri, e.FinalIpp ?? 0, e.FinalCategory ?? "",
                e.FinalCategoryLabel ?? "", prev?.FinalIpp, prev?.FinalIpp is { } pi ? e.FinalIpp - pi : null, aspects, e.FinalizedAt!.Value,
                rank, ranked.Count));
        }
        return new Ranking(year, items.Count, items);
    }
}
