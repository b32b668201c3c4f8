namespace Tinjau.Inspections.Api.Infrastructure;

/// <summary>
/// Working-day calendars for deadlines and absence runs: the registry's holidays of the years asked (the registry client
/// keeps them for an hour, shared by every request), or the rules' calendar for a year the registry cannot give (not
/// kept, so the next call asks again).
/// </summary>
public sealed class UnitCalendars(IUnitRegistry registry)
{
    public async Task<WorkingDays> ForYearsAsync(int fromYear, int toYear, CancellationToken ct)
    {
        var days = new List<DateOnly>();
        for (var year = fromYear; year <= toYear; year++)
        {
            days.AddRange(await registry.GetHolidaysAsync(year, ct) ?? Domain.WorkingDays.RuleDates(year));
        }
        return new WorkingDays(days);
    }

    /// <summary>The instant <paramref name="days"/> working days after <paramref name="from"/> in the unit's time zone.</summary>
    public async Task<DateTimeOffset> AddAsync(DateTimeOffset from, int days, string unitTimeZone, CancellationToken ct)
    {
        var zone = IndonesianTimeZones.Find(unitTimeZone);
        var year = TimeZoneInfo.ConvertTime(from, zone).Year;
        var calendar = await ForYearsAsync(year, year + days / 200 + 1, ct);
        return calendar.Add(from, days, zone);
    }
}
