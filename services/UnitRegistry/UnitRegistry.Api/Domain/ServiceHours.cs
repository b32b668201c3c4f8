using System.Text.Json.Serialization;

namespace Tinjau.UnitRegistry.Api.Domain;

/// <summary>
/// An opening interval within one day: open from <see cref="Opens"/> (inclusive) to <see cref="Closes"/> (exclusive).
/// <see cref="TimeOnly.MaxValue"/> as <see cref="Closes"/> stands for 24:00.
/// </summary>
public sealed record TimeRange
{
    [JsonConstructor]
    public TimeRange(TimeOnly opens, TimeOnly closes)
    {
        if (closes <= opens)
        {
            throw new ArgumentException($"closing time {closes:HH\\:mm} must be after opening time {opens:HH\\:mm}");
        }
        Opens = opens;
        Closes = closes;
    }

    public TimeOnly Opens { get; }
    public TimeOnly Closes { get; }

    public bool Contains(TimeOnly t) => t >= Opens && (t < Closes || Closes == TimeOnly.MaxValue);

    public static TimeRange Parse(string opens, string closes) => new(ParseTime(opens), ParseTime(closes));

    /// <summary>Parses HH:mm or HH:mm:ss; "24:00" is the end of the day.</summary>
    public static TimeOnly ParseTime(string value)
    {
        var v = value.Trim();
        if (v is "24:00" or "24:00:00")
        {
            return TimeOnly.MaxValue;
        }
        if (TimeOnly.TryParseExact(v, ["HH:mm", "HH:mm:ss", "H:mm"], System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var t))
        {
            return t;
        }
        throw new FormatException($"'{value}' is not a time of day (HH:mm)");
    }

    public static string Format(TimeOnly t) => t == TimeOnly.MaxValue ? "24:00" : t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What a unit does on one day: closed, open around the clock, or open in one or more intervals.</summary>
public sealed record DaySchedule
{
    public static readonly DaySchedule Closed = new(false, []);
    public static readonly DaySchedule AroundTheClock = new(true, []);

    [JsonConstructor]
    public DaySchedule(bool allDay, IReadOnlyList<TimeRange> ranges)
    {
        if (allDay && ranges.Count > 0)
        {
            throw new ArgumentException("a day open 24 hours has no intervals");
        }
        var ordered = ranges.OrderBy(r => r.Opens).ToArray();
        for (var i = 1; i < ordered.Length; i++)
        {
            if (ordered[i].Opens < ordered[i - 1].Closes)
            {
                throw new ArgumentException("opening intervals of one day overlap");
            }
        }
        AllDay = allDay;
        Ranges = ordered;
    }

    public bool AllDay { get; }
    public IReadOnlyList<TimeRange> Ranges { get; }

    [JsonIgnore]
    public bool IsClosed => !AllDay && Ranges.Count == 0;

    public static DaySchedule Hours(params TimeRange[] ranges) => new(false, ranges);

    public bool IsOpenAt(TimeOnly t) => AllDay || Ranges.Any(r => r.Contains(t));

    public override string ToString() =>
        AllDay ? "24 hours" : IsClosed ? "closed" : string.Join(", ", Ranges.Select(r => $"{TimeRange.Format(r.Opens)}-{TimeRange.Format(r.Closes)}"));
}

/// <summary>
/// Dated exception to the weekly hours, inclusive from <see cref="From"/> to <see cref="To"/> (local dates): either
/// closed (<see cref="Closed"/>) or other hours per weekday (<see cref="Days"/>; a weekday not listed is closed),
/// e.g. Ramadan hours.
/// </summary>
public sealed record ServiceHoursException
{
    [JsonConstructor]
    public ServiceHoursException(DateOnly from, DateOnly to, string reason, bool closed, IReadOnlyDictionary<DayOfWeek, DaySchedule>? days)
    {
        if (to < from)
        {
            throw new ArgumentException("an exception cannot end before it starts");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("an exception needs a reason");
        }
        if (!closed && (days is null || days.Count == 0))
        {
            throw new ArgumentException("an exception that is not a closure needs hours for at least one weekday");
        }
        From = from;
        To = to;
        Reason = reason.Trim();
        Closed = closed;
        Days = closed ? new Dictionary<DayOfWeek, DaySchedule>() : new Dictionary<DayOfWeek, DaySchedule>(days!);
    }

    public DateOnly From { get; }
    public DateOnly To { get; }
    public string Reason { get; }
    public bool Closed { get; }
    public IReadOnlyDictionary<DayOfWeek, DaySchedule> Days { get; }

    public bool Covers(DateOnly date) => date >= From && date <= To;

    public DaySchedule ScheduleFor(DateOnly date) =>
        Closed ? DaySchedule.Closed : Days.TryGetValue(date.DayOfWeek, out var s) ? s : DaySchedule.Closed;

    public static ServiceHoursException ClosedOn(DateOnly from, DateOnly to, string reason) => new(from, to, reason, true, null);
}

/// <summary>Where the hours of a given date came from.</summary>
public enum ScheduleSource
{
    Weekly,
    Exception,
    Holiday,
}

public sealed record ResolvedDay(DateOnly Date, DaySchedule Schedule, ScheduleSource Source, string? Reason);

public sealed record OpeningCheck(bool IsOpen, DateTimeOffset At, DateTime LocalTime, ResolvedDay Day);

/// <summary>
/// A unit's service hours: a weekly schedule (a weekday not listed is closed), dated exceptions, and whether the unit
/// serves on national holidays and cuti bersama. For a local date the rule is, in order:
/// <list type="number">
/// <item>a closure exception covering the date → closed;</item>
/// <item>a holiday or cuti bersama, unless <see cref="OpenOnHolidays"/> → closed;</item>
/// <item>an hours exception covering the date (the shortest one if several) → its hours for that weekday;</item>
/// <item>otherwise the weekly schedule.</item>
/// </list>
/// </summary>
public sealed class ServiceHours
{
    [JsonConstructor]
    public ServiceHours(IReadOnlyDictionary<DayOfWeek, DaySchedule> weekly, IReadOnlyList<ServiceHoursException> exceptions, bool openOnHolidays)
    {
        Weekly = new Dictionary<DayOfWeek, DaySchedule>(weekly.Where(kv => !kv.Value.IsClosed));
        Exceptions = exceptions.OrderBy(e => e.From).ThenBy(e => e.To).ToArray();
        OpenOnHolidays = openOnHolidays;
    }

    public IReadOnlyDictionary<DayOfWeek, DaySchedule> Weekly { get; }
    public IReadOnlyList<ServiceHoursException> Exceptions { get; }
    public bool OpenOnHolidays { get; }

    /// <summary>Jakarta government offices: Monday to Friday 08.00–16.00, closed on holidays.</summary>
    public static ServiceHours JakartaOffice(IReadOnlyList<ServiceHoursException>? exceptions = null) => new(
        new Dictionary<DayOfWeek, DaySchedule>
        {
            [DayOfWeek.Monday] = DaySchedule.Hours(TimeRange.Parse("08:00", "16:00")),
            [DayOfWeek.Tuesday] = DaySchedule.Hours(TimeRange.Parse("08:00", "16:00")),
            [DayOfWeek.Wednesday] = DaySchedule.Hours(TimeRange.Parse("08:00", "16:00")),
            [DayOfWeek.Thursday] = DaySchedule.Hours(TimeRange.Parse("08:00", "16:00")),
            [DayOfWeek.Friday] = DaySchedule.Hours(TimeRange.Parse("08:00", "16:00")),
        },
        exceptions ?? [],
        openOnHolidays: false);

    /// <summary>Frontline units that never close (24/7), including holidays.</summary>
    public static ServiceHours AroundTheClock() =>
        new(Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => DaySchedule.AroundTheClock), [], openOnHolidays: true);

    public static ServiceHours None() => new(new Dictionary<DayOfWeek, DaySchedule>(), [], false);

    public ResolvedDay Resolve(DateOnly date, Func<DateOnly, string?> holidayName)
    {
        var covering = Exceptions.Where(e => e.Covers(date)).ToArray();
        var closure = covering.FirstOrDefault(e => e.Closed);
        if (closure is not null)
        {
            return new ResolvedDay(date, DaySchedule.Closed, ScheduleSource.Exception, closure.Reason);
        }
        if (!OpenOnHolidays && holidayName(date) is { } holiday)
        {
            return new ResolvedDay(date, DaySchedule.Closed, ScheduleSource.Holiday, holiday);
        }
        var hours = covering.OrderBy(e => e.To.DayNumber - e.From.DayNumber).FirstOrDefault();
        if (hours is not null)
        {
            return new ResolvedDay(date, hours.ScheduleFor(date), ScheduleSource.Exception, hours.Reason);
        }
        return new ResolvedDay(date, Weekly.TryGetValue(date.DayOfWeek, out var s) ? s : DaySchedule.Closed, ScheduleSource.Weekly, null);
    }

    /// <summary>Whether <paramref name="at"/> falls inside the service hours, read in the unit's time zone.</summary>
    public OpeningCheck Check(DateTimeOffset at, TimeZoneInfo timeZone, Func<DateOnly, string?> holidayName)
    {
        var local = TimeZoneInfo.ConvertTime(at, timeZone);
        var day = Resolve(DateOnly.FromDateTime(local.DateTime), holidayName);
        return new OpeningCheck(day.Schedule.IsOpenAt(TimeOnly.FromDateTime(local.DateTime)), at, local.DateTime, day);
    }
}
