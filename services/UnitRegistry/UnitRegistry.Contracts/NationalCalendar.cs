using System.Globalization;

namespace Tinjau.UnitRegistry.Contracts;

/// <summary>A national non-working day that follows from a rule rather than from the yearly SKB data.</summary>
/// <param name="Estimated">True for an Islamic holiday estimated from the Umm al-Qura calendar: the SKB may differ by a day.</param>
public sealed record RuleHoliday(DateOnly Date, string Name, bool Estimated);

/// <summary>
/// The parts of the Indonesian national calendar that need no data entry. Fixed-date national holidays (1 January,
/// 1 May, 1 June, 17 August, 25 December) hold every year. The moving ones come from the yearly SKB of three ministers
/// as data; for a year whose SKB is not loaded the Islamic ones are estimated with the framework's
/// <see cref="UmAlQuraCalendar"/> and must be marked for review (Imlek, Nyepi, Waisak, Jumat Agung, Kenaikan and cuti
/// bersama cannot be estimated here and stay unknown until the SKB is entered).
/// </summary>
public static class NationalCalendar
{
    public static IReadOnlyList<RuleHoliday> FixedDate(int year) =>
    [
        new(new DateOnly(year, 1, 1), "Tahun Baru Masehi", false),
        new(new DateOnly(year, 5, 1), "Hari Buruh Internasional", false),
        new(new DateOnly(year, 6, 1), "Hari Lahir Pancasila", false),
        new(new DateOnly(year, 8, 17), "Hari Proklamasi Kemerdekaan Republik Indonesia", false),
        new(new DateOnly(year, 12, 25), "Hari Raya Natal", false),
    ];

    private static readonly (int Month, int Day, string Name)[] IslamicDays =
    [
        (1, 1, "Tahun Baru Islam (perkiraan)"),
        (3, 12, "Maulid Nabi Muhammad SAW (perkiraan)"),
        (7, 27, "Isra Mi'raj Nabi Muhammad SAW (perkiraan)"),
        (10, 1, "Hari Raya Idul Fitri (perkiraan)"),
        (10, 2, "Hari Raya Idul Fitri (perkiraan)"),
        (12, 10, "Hari Raya Idul Adha (perkiraan)"),
    ];

    /// <summary>The Islamic national holidays of a Gregorian year, estimated (empty outside the Umm al-Qura range).</summary>
    public static IReadOnlyList<RuleHoliday> EstimatedIslamic(int year)
    {
        var hijri = new UmAlQuraCalendar();
        var first = new DateTime(year, 1, 1);
        var last = new DateTime(year, 12, 31);
        if (first < hijri.MinSupportedDateTime || last > hijri.MaxSupportedDateTime)
        {
            return [];
        }
        var list = new List<RuleHoliday>();
        for (var hy = hijri.GetYear(first); hy <= hijri.GetYear(last); hy++)
        {
            foreach (var (month, day, name) in IslamicDays)
            {
                var date = DateOnly.FromDateTime(hijri.ToDateTime(hy, month, day, 0, 0, 0, 0));
                if (date.Year == year)
                {
                    list.Add(new RuleHoliday(date, name, true));
                }
            }
        }
        return list.OrderBy(h => h.Date).ToList();
    }

    /// <summary>
    /// What the rules give for a year: the fixed-date holidays always; the estimated Islamic ones too when
    /// <paramref name="skbLoaded"/> is false.
    /// </summary>
    public static IReadOnlyList<RuleHoliday> ForYear(int year, bool skbLoaded) =>
        skbLoaded ? FixedDate(year) : [.. FixedDate(year), .. EstimatedIslamic(year)];
}
