namespace Tinjau.UnitRegistry.Api.Domain;

/// <summary>A holiday of a completed calendar: entered from the SKB, or following from a rule.</summary>
/// <param name="Source"><c>skb</c> (entered data), <c>fixed-date</c> (a holiday on the same date every year) or <c>estimate</c>.</param>
public sealed record CalendarDay(Guid? Id, DateOnly Date, string Name, HolidayKind Kind, bool NeedsReview, string Source)
{
    public bool Estimated => Source == CompletedCalendar.Estimate;
}

/// <summary>
/// The holidays table completed by the rules of <see cref="NationalCalendar"/> for a range of years: fixed-date national
/// holidays every year whether entered or not; for a year with no SKB data entered, the Islamic holidays estimated
/// from the Umm al-Qura calendar, marked for review. Answers computed over an estimated or missing year say so.
/// </summary>
public sealed class CompletedCalendar
{
    public const string Skb = "skb";
    public const string FixedDate = "fixed-date";
    public const string Estimate = "estimate";

    private CompletedCalendar(List<CalendarDay> days, List<int> skbYears)
    {
        Days = days;
        SkbYears = skbYears;
        Calendar = new WorkingDayCalendar(days.Select(d => (d.Date, d.Name)));
    }

    /// <summary>Every holiday of the range, ordered by date.</summary>
    public IReadOnlyList<CalendarDay> Days { get; }

    /// <summary>The years for which SKB data is entered (any year of the table, not only those of the range).</summary>
    public IReadOnlyList<int> SkbYears { get; }

    public WorkingDayCalendar Calendar { get; }

    public static CompletedCalendar Build(IEnumerable<Holiday> stored, int fromYear, int toYear)
    {
        var entered = stored.ToList();
        var skbYears = entered.Select(h => h.Year).Distinct().Order().ToList();
        var days = entered.Select(h => new CalendarDay(h.Id, h.Date, h.Name, h.Kind, h.NeedsReview, Skb)).ToList();
        var taken = days.Select(d => d.Date).ToHashSet();
        for (var year = fromYear; year <= toYear; year++)
        {
            foreach (var rule in NationalCalendar.ForYear(year, skbYears.Contains(year)).Where(r => taken.Add(r.Date)))
            {
                days.Add(new CalendarDay(null, rule.Date, rule.Name, HolidayKind.National, rule.Estimated, rule.Estimated ? Estimate : FixedDate));
            }
        }
        return new CompletedCalendar(days.OrderBy(d => d.Date).ThenBy(d => d.Kind).ToList(), skbYears);
    }

    /// <summary>The years of <paramref name="fromYear"/>..<paramref name="toYear"/> with no SKB data entered.</summary>
    public List<int> MissingYears(int fromYear, int toYear) =>
        Enumerable.Range(Math.Min(fromYear, toYear), Math.Abs(toYear - fromYear) + 1).Where(y => !SkbYears.Contains(y)).ToList();

    /// <summary>
    /// A warning for an answer over the local dates <paramref name="from"/>..<paramref name="to"/>, or null when every
    /// year in it has SKB data: Indonesian first, English second.
    /// </summary>
    public string? Warning(DateOnly from, DateOnly to)
    {
        var missing = MissingYears(from.Year, to.Year);
        if (missing.Count == 0)
        {
            return null;
        }
        var years = string.Join(", ", missing);
        return $"Data SKB hari libur tahun {years} belum dimuat: hari libur bertanggal tetap dihitung, hari besar Islam diperkirakan " +
               $"(kalender Umm al-Qura) dan perlu ditinjau, hari libur lain dan cuti bersama belum diketahui. / No SKB holiday data for {years}: " +
               "fixed-date holidays are counted, Islamic holidays are estimated (Umm al-Qura) and need review, other holidays and cuti bersama are unknown.";
    }

    /// <summary>Whether an estimated holiday lies in (<paramref name="from"/>, <paramref name="to"/>].</summary>
    public bool UsedEstimate(DateOnly from, DateOnly to)
    {
        var (a, b) = from <= to ? (from, to) : (to, from);
        return Days.Any(d => d.Estimated && d.Date > a && d.Date <= b);
    }
}
