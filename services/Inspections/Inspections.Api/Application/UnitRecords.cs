namespace Tinjau.Inspections.Api.Application;

/// <summary>
/// A unit's sidak record for a period, made of <see cref="SidakSecrecy.Submitted"/> visits only (the same figures for
/// every reader, cached per unit in Redis): for city-wide readers and the unit itself.
/// </summary>
public sealed class UnitRecords(InspectionsDb db, InspectionsScope scope, UnitRecordCache cache, IOptions<InspectionsOptions> options,
    TimeProvider clock)
{
    public async Task<Outcome<UnitRecordView>> GetAsync(Guid unitId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!await scope.ReadsUnitAsync(unitId, ct))
        {
            return Refusal.Forbidden("This unit's record is for the satgas, leadership, evaluators and the unit itself.");
        }
        // "This year" in the city's time zone, not the UTC date.
        var today = UnitZones.Today(clock.GetUtcNow(), options.Value.DefaultTimeZone);
        var start = from ?? new DateOnly(today.Year, 1, 1);
        var end = to ?? new DateOnly(start.Year, 12, 31);
        if (end < start || end.DayNumber - start.DayNumber > 3660)
        {
            return Refusal.Invalid("to", "must be on or after from, within ten years");
        }
        return await cache.GetOrCreateAsync(unitId, $"{start:yyyyMMdd}-{end:yyyyMMdd}",
            token => ComputeAsync(unitId, start, end, clock.GetUtcNow(), token), ct);
    }

    private async Task<UnitRecordView> ComputeAsync(Guid unitId, DateOnly from, DateOnly to, DateTimeOffset now,
        CancellationToken ct)
    {
        var visits = await db.Visits.Submitted().AsNoTracking()
            .Where(v => v.UnitId == unitId && v.LocalDate >= from && v.LocalDate <= to)
            .Select(v => new { v.Id, v.LocalDate, v.ComplianceScore, v.CheckIn.Flags })
            .ToListAsync(ct);
        var ids = visits.Select(v => v.Id).ToList();
        var severities = await db.Findings.AsNoTracking().Where(f => ids.Contains(f.VisitId))
            .GroupBy(f => f.Severity).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var clarifications = await db.Clarifications.AsNoTracking()
            .Where(c => ids.Contains(c.VisitId) && (c.Status == ClarificationStatus.Open || c.Status == ClarificationStatus.Answered))
            .Select(c => new { c.Status, c.DueAt }).ToListAsync(ct);
        var sanctions = await db.Sanctions.AsNoTracking()
            .Where(s => ids.Contains(s.VisitId) && s.Status == SanctionStatus.AwaitingDecision)
            .Select(s => s.DecisionDueAt).ToListAsync(ct);
        var unexcused = await db.Attendance.AsNoTracking()
            .CountAsync(a => ids.Contains(a.VisitId) && a.Status == AttendanceStatus.AbsentWithoutReason, ct);
        var scores = visits.Where(v => v.ComplianceScore is not null).Select(v => v.ComplianceScore!.Value).ToList();
        int Count(FindingSeverity s) => severities.GetValueOrDefault(s);
        return new UnitRecordView(unitId, from, to, visits.Count, visits.Count(v => v.Flags != CheckInFlags.None),
            visits.Count == 0 ? null : visits.Max(v => v.LocalDate),
            scores.Count == 0 ? null : Math.Round(scores.Average(), 4, MidpointRounding.AwayFromZero),
            new FindingCounts(Count(FindingSeverity.Low), Count(FindingSeverity.Medium), Count(FindingSeverity.High), severities.Values.Sum()),
            clarifications.Count + sanctions.Count,
            clarifications.Count(c => c.Status == ClarificationStatus.Open && now > c.DueAt) + sanctions.Count(d => now > d),
            unexcused, now);
    }
}
