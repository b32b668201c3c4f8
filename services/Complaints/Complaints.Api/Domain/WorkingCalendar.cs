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

/// <summary>Indonesian time zones (IANA ids); none observes daylight saving time.</summary>
public static class IndonesianTimeZones
{
    public const string Wib = "Asia/Jakarta";

    private static readonly Dictionary<string, (string Id, int Hours)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["WIB"] = ("Asia/Jakarta", 7),
        ["Asia/Jakarta"] = ("Asia/Jakarta", 7),
        ["Asia/Pontianak"] = ("Asia/Pontianak", 7),
        ["WITA"] = ("Asia/Makassar", 8),
        ["Asia/Makassar"] = ("Asia/Makassar", 8),
        ["WIT"] = ("Asia/Jayapura", 9),
        ["Asia/Jayapura"] = ("Asia/Jayapura", 9),
    };

    /// <summary>The zone for an IANA id or WIB/WITA/WIT; unknown ids fall back to WIB.</summary>
    public static TimeZoneInfo Find(string? id)
    {
        var (ianaId, hours) = id is not null && Known.TryGetValue(id, out var z) ? z : Known[Wib];
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ianaId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(ianaId, TimeSpan.FromHours(hours), ianaId, ianaId);
        }
    }

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The instant a local date ends (midnight at the start of the next day) in <paramref name="zone"/>.</summary>
    public static DateTimeOffset EndOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var next = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(next, zone.GetUtcOffset(next)).ToUniversalTime();
    }
}
