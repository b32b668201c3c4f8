namespace Tinjau.Inspections.Api.Application;

/// <summary>
/// Officers' unexcused absence days in a year (distinct days recorded as absent-without-reason by submitted visits)
/// and the level the PP 94/2021 ladder suggests; for those <see cref="InspectionsScope.SeesOfficersAsync"/> allows.
/// </summary>
public sealed class OfficerAbsences(InspectionsDb db, InspectionsScope scope, UnitCalendars calendars, TimeProvider clock)
{
    public async Task<Outcome<AbsenceSummary>> ForOfficerAsync(Guid officerId, int? year, CancellationToken ct)
    {
        var officer = await db.Officers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == officerId, ct);
        if (officer is null || !await scope.SeesOfficersAsync(officer.UnitId, ct))
        {
            return Refusal.NotFound();
        }
        var y = year ?? UnitZones.Today(clock.GetUtcNow(), null).Year;
        var days = await UnexcusedDaysAsync(officerId, y, ct);
        return await SummarizeAsync(officer, y, days, await calendars.ForYearsAsync(y, y, ct), ct);
    }

    public async Task<Outcome<List<AbsenceSummary>>> ForUnitAsync(Guid unitId, int? year, CancellationToken ct)
    {
        if (!await scope.SeesOfficersAsync(unitId, ct))
        {
            return Refusal.Forbidden("Attendance of a unit is for the satgas, leadership and the head of the unit.");
        }
        var y = year ?? UnitZones.Today(clock.GetUtcNow(), null).Year;
        var submitted = db.Visits.Submitted();
        var rows = await UnexcusedIn(y)
            .Where(a => a.UnitId == unitId)
            .Where(a => submitted.Any(v => v.Id == a.VisitId))
            .Select(a => new { a.OfficerId, a.Date }).ToListAsync(ct);
        var officerIds = rows.Select(r => r.OfficerId).Distinct().ToList();
        var officers = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id)).ToListAsync(ct);
        var calendar = await calendars.ForYearsAsync(y, y, ct);
        var summaries = new List<AbsenceSummary>();
        foreach (var o in officers)
        {
            summaries.Add(await SummarizeAsync(o, y, rows.Where(r => r.OfficerId == o.Id).Select(r => r.Date).Distinct().Order().ToList(), calendar, ct));
        }
        return summaries.OrderByDescending(s => s.UnexcusedDays).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Distinct days in <paramref name="year"/> on which submitted visits found the officer absent without reason.</summary>
    internal async Task<List<DateOnly>> UnexcusedDaysAsync(Guid officerId, int year, CancellationToken ct)
    {
        var submitted = db.Visits.Submitted();
        return await UnexcusedIn(year)
            .Where(a => a.OfficerId == officerId)
            .Where(a => submitted.Any(v => v.Id == a.VisitId))
            .Select(a => a.Date).Distinct().OrderBy(d => d).ToListAsync(ct);
    }

    /// <summary>
    /// The officer's unexcused absences in <paramref name="year"/> recorded by backdated visits that no satgas lead has
    /// confirmed: (day, visit).
    /// </summary>
    internal async Task<List<(DateOnly Date, Guid VisitId)>> UnconfirmedBackdatedAsync(Guid officerId, int year, CancellationToken ct)
    {
        var rows = await UnexcusedIn(year)
            .Where(a => a.OfficerId == officerId)
            .Join(db.Visits.Submitted(), a => a.VisitId, v => v.Id, (a, v) => new { a.Date, a.VisitId, v.CheckIn.Flags })
            .ToListAsync(ct);
        var backdated = rows.Where(r => r.Flags.HasFlag(CheckInFlags.Backdated)).ToList();
        var ids = backdated.Select(r => r.VisitId).Distinct().ToList();
        var confirmed = await db.RecordEntries.AsNoTracking()
            .Where(e => ids.Contains(e.VisitId) && e.Kind == SidakVisit.BackdatingConfirmedKind).Select(e => e.VisitId).ToListAsync(ct);
        return backdated.Where(r => !confirmed.Contains(r.VisitId)).Select(r => (r.Date, r.VisitId)).ToList();
    }

    private IQueryable<AttendanceRecord> UnexcusedIn(int year)
    {
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return db.Attendance.AsNoTracking().Where(a => a.Status == AttendanceStatus.AbsentWithoutReason && a.Date >= start && a.Date <= end);
    }

    private async Task<AbsenceSummary> SummarizeAsync(UnitOfficer o, int year, List<DateOnly> days, WorkingDays calendar, CancellationToken ct)
    {
        var run = DisciplineLadder.LongestConsecutiveRun(days, calendar);
        var level = DisciplineLadder.Suggest(days.Count, run);
        var backdated = await UnconfirmedBackdatedAsync(o.Id, year, ct);
        return new AbsenceSummary(o.Id, o.UnitId, o.Name, o.StaffNumber, o.Position, year, days.Count, run, days,
            level is { } l ? DisciplineLadder.Name(l) : null, level is { } g ? Kebab.Of(DisciplineLadder.Gravity(g)) : null,
            backdated.Select(b => b.Date).Distinct().Order().ToList());
    }
}
