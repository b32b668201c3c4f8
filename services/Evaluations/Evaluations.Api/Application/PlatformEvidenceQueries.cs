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
}
