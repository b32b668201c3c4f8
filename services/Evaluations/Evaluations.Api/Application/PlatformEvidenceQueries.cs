namespace Tinjau.Evaluations.Api.Application;

/// <summary>Per-unit statistics from the complaint and sidak read models, for one year.</summary>
public sealed class PlatformEvidenceQueries(EvaluationsDbContext db)
{
    public async Task<ComplaintStats> ComplaintsAsync(Guid unitId, int year, CancellationToken ct)
    {
        var resolved = await db.ComplaintFacts.AsNoTracking().Where(f => f.UnitId == unitId && f.ResolvedYear == year).ToListAsync(ct);
        var ratings = await db.ComplaintFacts.AsNoTracking().Where(f => f.UnitId == unitId && f.RatedYear == year && f.Rating != null)
            .Select(f => f.Rating!.Value).ToListAsync(ct);
        var breaches = await db.ComplaintSlaBreaches.AsNoTracking().CountAsync(b => b.UnitId == unitId && b.Year == year, ct);
        return PlatformEvidenceRules.Complaints(resolved, ratings, breaches);
    }

    public async Task<SidakStats> SidakAsync(Guid unitId, int year, CancellationToken ct)
    {
        var visits = await db.SidakVisits.AsNoTracking().Where(v => v.UnitId == unitId && v.Year == year).ToListAsync(ct);
        var violations = await db.SidakViolations.AsNoTracking().Where(v => v.UnitId == unitId && v.Year == year).ToListAsync(ct);
        return PlatformEvidenceRules.Sidak(visits, violations);
    }

    /// <summary>
    /// Every unit's complaint and sidak figures of a year in two grouped queries (the leadership map's layers): resolved
    /// complaints and the share answered within SLA, sidak visits and their findings by severity.
    /// </summary>
    public async Task<List<UnitFigures>> UnitFiguresAsync(int year, CancellationToken ct)
    {
        var complaints = await db.ComplaintFacts.AsNoTracking().Where(f => f.ResolvedYear == year && f.UnitId != null)
            .GroupBy(f => f.UnitId!.Value)
            .Select(g => new { Unit = g.Key, Resolved = g.Count(), Within = g.Count(f => f.AnsweredWithinSla == true) })
            .ToListAsync(ct);
        var sidak = await db.SidakVisits.AsNoTracking().Where(v => v.Year == year)
            .GroupBy(v => v.UnitId)
            .Select(g => new { Unit = g.Key, Visits = g.Count(), Low = g.Sum(v => v.FindingsLow), Medium = g.Sum(v => v.FindingsMedium), High = g.Sum(v => v.FindingsHigh) })
            .ToListAsync(ct);
        var byUnit = complaints.ToDictionary(c => c.Unit);
        var visited = sidak.ToDictionary(v => v.Unit);
        return byUnit.Keys.Union(visited.Keys).Order().Select(unit =>
        {
            var c = byUnit.GetValueOrDefault(unit);
            var v = visited.GetValueOrDefault(unit);
            return new UnitFigures(unit, c?.Resolved ?? 0, c is { Resolved: > 0 } ? Math.Round((decimal)c.Within / c.Resolved, 4) : null,
                v?.Visits ?? 0, (v?.Low ?? 0) + (v?.Medium ?? 0) + (v?.High ?? 0), v?.High ?? 0);
        }).ToList();
    }
}

/// <summary>A unit's figures of a year: resolved complaints and the share within SLA (null: none resolved), sidak visits and findings.</summary>
public sealed record UnitFigures(Guid UnitId, int Resolved, decimal? WithinSlaShare, int SidakVisits, int SidakFindings, int SidakFindingsHigh);
