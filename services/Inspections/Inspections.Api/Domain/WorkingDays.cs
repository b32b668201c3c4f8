namespace Tinjau.Inspections.Api.Domain;

/// <summary>
/// Working days of a unit: Monday to Friday except national holidays and cuti bersama, on local dates of the unit's
/// time zone. The holidays come from the unit registry's calendar; while it cannot be reached, from the rules that
/// need no data (<see cref="NationalCalendar"/>: fixed-date holidays and estimated Islamic ones).
/// </summary>
public sealed class WorkingDays(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    /// <summary>The holidays the rules give for a year without any SKB data.</summary>
    public static IEnumerable<DateOnly> RuleDates(int year) => NationalCalendar.ForYear(year, skbLoaded: false).Select(h => h.Date);

    public bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    /// <summary>
    /// The instant <paramref name="days"/> working days after <paramref name="from"/>, at the same local time in
    /// <paramref name="zone"/> (Friday 10:00 WIB + 1 = Monday 10:00 WIB when Monday is a working day).
    /// </summary>
    public DateTimeOffset Add(DateTimeOffset from, int days, TimeZoneInfo zone)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var local = TimeZoneInfo.ConvertTime(from, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            counted += IsWorkingDay(date) ? 1 : 0;
        }
        var result = date.ToDateTime(TimeOnly.FromDateTime(local.DateTime), DateTimeKind.Unspecified);
        return new DateTimeOffset(result, zone.GetUtcOffset(result));
    }

    /// <summary>Whether every day strictly between <paramref name="a"/> and <paramref name="b"/> is a non-working day.</summary>
    public bool AreAdjacentWorkingDays(DateOnly a, DateOnly b)
    {
        for (var d = a.AddDays(1); d < b; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                return false;
            }
        }
        return a < b;
    }
}
