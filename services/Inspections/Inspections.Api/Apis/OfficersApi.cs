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
public sealed record AbsenceSummary(Guid OfficerId, Guid UnitId, string Name, string? StaffNumber, string? Position, int Year,
    int UnexcusedDays, int LongestConsecutiveRun, IReadOnlyList<DateOnly> Days, string? SuggestedLevel, string? Gravity);

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
        var y = year ?? clock.GetUtcNow().Year;
        var days = await UnexcusedDaysAsync(db, officerId, y, ct);
        return TypedResults.Ok(Summarize(officer, y, days, await calendars.ForYearsAsync(y, y, ct)));
    }

    public static async Task<Results<Ok<List<AbsenceSummary>>, ProblemHttpResult>> GetUnitAbsences(Guid unitId, int? year, HttpContext http,
        InspectionsDb db, Access access, UnitCalendars calendars, TimeProvider clock, CancellationToken ct)
    {
        if (!await access.CanSeeOfficersAsync(http.User, unitId, ct))
        {
            return Problems.Forbidden("Attendance of a unit is for the satgas, leadership and the head of the unit.");
        }
        var y = year ?? clock.GetUtcNow().Year;
        var (start, end) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        var rows = await db.Attendance.AsNoTracking()
            .Where(a => a.UnitId == unitId && a.Status == AttendanceStatus.AbsentWithoutReason && a.Date >= start && a.Date <= end)
            .Where(a => db.Visits.Any(v => v.Id == a.VisitId && v.Status == VisitStatus.Submitted))
            .Select(a => new { a.OfficerId, a.Date }).ToListAsync(ct);
        var officerIds = rows.Select(r => r.OfficerId).Distinct().ToList();
        var officers = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id)).ToListAsync(ct);
        var calendar = await calendars.ForYearsAsync(y, y, ct);
        return TypedResults.Ok(officers
            .Select(o => Summarize(o, y, rows.Where(r => r.OfficerId == o.Id).Select(r => r.Date).Distinct().Order().ToList(), calendar))
            .OrderByDescending(s => s.UnexcusedDays).ThenBy(s => s.Name, StringComparer.Ordinal).ToList());
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

    private static AbsenceSummary Summarize(UnitOfficer o, int year, List<DateOnly> days, WorkingDays calendar)
    {
        var run = DisciplineLadder.LongestConsecutiveRun(days, calendar);
        var level = DisciplineLadder.Suggest(days.Count, run);
        return new AbsenceSummary(o.Id, o.UnitId, o.Name, o.StaffNumber, o.Position, year, days.Count, run, days,
            level is { } l ? DisciplineLadder.Name(l) : null, level is { } g ? Kebab.Of(DisciplineLadder.Gravity(g)) : null);
    }
}
