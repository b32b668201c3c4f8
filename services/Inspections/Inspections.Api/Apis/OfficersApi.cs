using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tinjau.Inspections.Api.Data;
using Tinjau.Inspections.Api.Domain;
using Tinjau.Inspections.Api.Infrastructure;

namespace Tinjau.Inspections.Api.Apis;

/// <summary>
/// An officer's unexcused absence days in a year (distinct days recorded as absent-without-reason by sidak visits)
/// and the level the PP 94/2021 ladder suggests to the direct superior. A run of consecutive days is broken only by a
/// working day: weekends, national holidays and cuti bersama between two absences keep them in one run.
/// </summary>
/// <remarks><c>UnconfirmedBackdatedDays</c>: the days recorded only by backdated visits no satgas lead has confirmed yet.</remarks>
public sealed record AbsenceSummary(Guid OfficerId, Guid UnitId, string Name, string? StaffNumber, string? Position, int Year,
    int UnexcusedDays, int LongestConsecutiveRun, IReadOnlyList<DateOnly> Days, string? SuggestedLevel, string? Gravity,
    IReadOnlyList<DateOnly>? UnconfirmedBackdatedDays = null);

public static class OfficersApi
{
    public static RouteGroupBuilder MapOfficersApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/inspections").WithTags("Attendance").RequireAuthorization(Policies.Authenticated);
        api.MapGet("/officers/{officerId:guid}/absences", GetOfficerAbsences)
            .WithSummary("An officer's unexcused absence days in a year and the PP 94/2021 level suggested");
        api.MapGet("/units/{unitId:guid}/absences", GetUnitAbsences)
            .WithSummary("Unexcused absence days per officer of a unit in a year, with suggested levels");
        return api;
    }

    public static async Task<Results<Ok<AbsenceSummary>, ProblemHttpResult>> GetOfficerAbsences(Guid officerId, int? year, HttpContext http,
        InspectionsDb db, Access access, UnitCalendars calendars, TimeProvider clock, CancellationToken ct)
    {
        var officer = await db.Officers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == officerId, ct);
        if (officer is null || !await access.CanSeeOfficersAsync(http.User, officer.UnitId, ct))
        {
            return Problems.NotFound();
        }
        var y = year ?? UnitZones.Today(clock.GetUtcNow(), null).Year;
        var days = await UnexcusedDaysAsync(db, officerId, y, ct);
        var backdated = await UnconfirmedBackdatedAsync(db, officerId, y, ct);
        return TypedResults.Ok(Summarize(officer, y, days, await calendars.ForYearsAsync(y, y, ct)) with
        {
            UnconfirmedBackdatedDays = backdated.Select(b => b.Date).Distinct().Order().ToList(),
        });
    }

    public static async Task<Results<Ok<List<AbsenceSummary>>, ProblemHttpResult>> GetUnitAbsences(Guid unitId, int? year, HttpContext http,
        InspectionsDb db, Access access, UnitCalendars calendars, TimeProvider clock, CancellationToken ct)
    {
        if (!await access.CanSeeOfficersAsync(http.User, unitId, ct))
        {
            return Problems.Forbidden("Attendance of a unit is for the satgas, leadership and the head of the unit.");
        }
        var y = year ?? UnitZones.Today(clock.GetUtcNow(), null).Year;
        var (start, end) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        var rows = await db.Attendance.AsNoTracking()
            .Where(a => a.UnitId == unitId && a.Status == AttendanceStatus.AbsentWithoutReason && a.Date >= start && a.Date <= end)
            .Where(a => db.Visits.Any(v => v.Id == a.VisitId && v.Status == VisitStatus.Submitted))
            .Select(a => new { a.OfficerId, a.Date }).ToListAsync(ct);
        var officerIds = rows.Select(r => r.OfficerId).Distinct().ToList();
        var officers = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id)).ToListAsync(ct);
        var calendar = await calendars.ForYearsAsync(y, y, ct);
        var summaries = new List<AbsenceSummary>();
        foreach (var o in officers)
        {
            var backdated = await UnconfirmedBackdatedAsync(db, o.Id, y, ct);
            summaries.Add(Summarize(o, y, rows.Where(r => r.OfficerId == o.Id).Select(r => r.Date).Distinct().Order().ToList(), calendar) with
            {
                UnconfirmedBackdatedDays = backdated.Select(b => b.Date).Distinct().Order().ToList(),
            });
        }
        return TypedResults.Ok(summaries.OrderByDescending(s => s.UnexcusedDays).ThenBy(s => s.Name, StringComparer.Ordinal).ToList());
    }

    /// <summary>Distinct days in <paramref name="year"/> on which submitted visits found the officer absent without reason.</summary>
    internal static async Task<List<DateOnly>> UnexcusedDaysAsync(InspectionsDb db, Guid officerId, int year, CancellationToken ct)
    {
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return await db.Attendance.AsNoTracking()
            .Where(a => a.OfficerId == officerId && a.Status == AttendanceStatus.AbsentWithoutReason && a.Date >= start && a.Date <= end)
            .Where(a => db.Visits.Any(v => v.Id == a.VisitId && v.Status == VisitStatus.Submitted))
            .Select(a => a.Date).Distinct().OrderBy(d => d).ToListAsync(ct);
    }

    /// <summary>
    /// The officer's unexcused absences in <paramref name="year"/> recorded by backdated visits that no satgas lead has
    /// confirmed: (day, visit).
    /// </summary>
    internal static async Task<List<(DateOnly Date, Guid VisitId)>> UnconfirmedBackdatedAsync(InspectionsDb db, Guid officerId, int year,
        CancellationToken ct)
    {
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var rows = await db.Attendance.AsNoTracking()
            .Where(a => a.OfficerId == officerId && a.Status == AttendanceStatus.AbsentWithoutReason && a.Date >= start && a.Date <= end)
            .Join(db.Visits.Where(v => v.Status == VisitStatus.Submitted), a => a.VisitId, v => v.Id, (a, v) => new { a.Date, a.VisitId, v.CheckIn.Flags })
            .ToListAsync(ct);
        var backdated = rows.Where(r => r.Flags.HasFlag(CheckInFlags.Backdated)).ToList();
        var ids = backdated.Select(r => r.VisitId).Distinct().ToList();
        var confirmed = await db.RecordEntries.AsNoTracking()
            .Where(e => ids.Contains(e.VisitId) && e.Kind == SidakVisit.BackdatingConfirmedKind).Select(e => e.VisitId).ToListAsync(ct);
        return backdated.Where(r => !confirmed.Contains(r.VisitId)).Select(r => (r.Date, r.VisitId)).ToList();
    }

    private static AbsenceSummary Summarize(UnitOfficer o, int year, List<DateOnly> days, WorkingDays calendar)
    {
        var run = DisciplineLadder.LongestConsecutiveRun(days, calendar);
        var level = DisciplineLadder.Suggest(days.Count, run);
        return new AbsenceSummary(o.Id, o.UnitId, o.Name, o.StaffNumber, o.Position, year, days.Count, run, days,
            level is { } l ? DisciplineLadder.Name(l) : null, level is { } g ? Kebab.Of(DisciplineLadder.Gravity(g)) : null);
    }
}
