namespace Tinjau.Complaints.Api.Domain;

/// <summary>
/// Working-day arithmetic on local dates: Saturdays, Sundays and the given holidays (national holidays and cuti
/// bersama) are not working days. The unit registry owns the real calendar; this is the same rule for a calendar
/// already in hand (tests, and the weekends-only fallback while the registry cannot be reached).
/// </summary>
public sealed class WorkingCalendar(IEnumerable<DateOnly>? holidays = null)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays ?? []];

    public static WorkingCalendar WeekendsOnly { get; } = new();

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="from"/> (0 gives <paramref name="from"/>).</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = from;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }
        return date;
    }

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]: filed Monday and done Tuesday is 1.</summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
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
}
