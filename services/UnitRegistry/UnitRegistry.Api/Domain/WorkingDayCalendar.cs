namespace Tinjau.UnitRegistry.Api.Domain;

/// <summary>
/// Working days of Indonesian government offices: Monday to Friday, except national holidays and cuti bersama.
/// Calculations are made on local dates of a time zone (WIB/WITA/WIT): the same instant can be Friday in Jakarta
/// and Saturday in Jayapura.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly Dictionary<DateOnly, string> _holidays = new();

    public WorkingDayCalendar(IEnumerable<(DateOnly Date, string Name)> holidays)
    {
        foreach (var (date, name) in holidays)
        {
            _holidays.TryAdd(date, name);
        }
    }

    public static WorkingDayCalendar From(IEnumerable<Holiday> holidays) => new(holidays.Select(h => (h.Date, h.Name)));

    public static WorkingDayCalendar WeekendsOnly() => new([]);

    /// <summary>The name of the holiday or cuti bersama on <paramref name="date"/>, if any (weekends are not named).</summary>
    public string? HolidayName(DateOnly date) => _holidays.GetValueOrDefault(date);

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public bool IsWorkingDay(DateOnly date) => !IsWeekend(date) && !_holidays.ContainsKey(date);

    /// <summary>
    /// The date <paramref name="days"/> working days after <paramref name="date"/> (before it when negative): each step
    /// moves to the next working day. Zero gives the date itself, whatever day it is.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        var step = Math.Sign(days);
        var remaining = Math.Abs(days);
        var d = date;
        while (remaining > 0)
        {
            d = d.AddDays(step);
            if (IsWorkingDay(d))
            {
                remaining--;
            }
        }
        return d;
    }

    /// <summary>
    /// Adds working days to an instant read in <paramref name="timeZone"/>: the result is on the working day
    /// <paramref name="days"/> steps after the local date of <paramref name="from"/>, at the same local time of day,
    /// with that zone's offset. E.g. Friday 10:00 WIB + 1 = Monday 10:00 WIB (if Monday is not a holiday).
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset from, int days, TimeZoneInfo timeZone)
    {
        var local = TimeZoneInfo.ConvertTime(from, timeZone);
        var date = AddWorkingDays(DateOnly.FromDateTime(local.DateTime), days);
        var result = date.ToDateTime(TimeOnly.FromDateTime(local.DateTime), DateTimeKind.Unspecified);
        return new DateTimeOffset(result, timeZone.GetUtcOffset(result));
    }

    /// <summary>
    /// Working days d with <paramref name="from"/> &lt; d ≤ <paramref name="to"/>, negative when <paramref name="to"/>
    /// is before <paramref name="from"/>. So <c>Count(x, AddWorkingDays(x, n)) == n</c>.
    /// </summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -CountWorkingDays(to, from);
        }
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>Working days between the local dates of two instants in <paramref name="timeZone"/> (see the date overload).</summary>
    public int CountWorkingDays(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo timeZone) =>
        CountWorkingDays(
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, timeZone).DateTime),
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, timeZone).DateTime));

    /// <summary>The non-working dates (weekends and holidays) passed over going from one date to another, for explanations.</summary>
    public IReadOnlyList<(DateOnly Date, string Reason)> NonWorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var (a, b) = from <= to ? (from, to) : (to, from);
        var list = new List<(DateOnly, string)>();
        for (var d = a.AddDays(1); d < b; d = d.AddDays(1))
        {
            if (_holidays.TryGetValue(d, out var name))
            {
                list.Add((d, name));
            }
            else if (IsWeekend(d))
            {
                list.Add((d, d.DayOfWeek.ToString()));
            }
        }
        return list;
    }
}
