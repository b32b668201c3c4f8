using System.Globalization;
using Tinjau.UnitRegistry.Contracts;

namespace Tinjau.Portal.Web.Services;

/// <summary>
/// Cultures and the way the portal writes dates and numbers: <c>2 Desember 2026</c>, <c>3,31</c> in Indonesian;
/// <c>2 December 2026</c>, <c>3.31</c> in English. Dates are shown in the unit's time zone (WIB, WITA, WIT).
/// </summary>
public static class PortalCulture
{
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public const string DefaultTimeZone = IndonesianTimeZones.Wib;

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The zone of an IANA id or WIB/WITA/WIT (<see cref="IndonesianTimeZones"/>); anything else is WIB.</summary>
    public static TimeZoneInfo Zone(string? timeZone) => IndonesianTimeZones.Find(timeZone, DefaultTimeZone);

    /// <summary>Today in the city's time zone (the portal serves one city, in <see cref="DefaultTimeZone"/>).</summary>
    public static DateOnly CityToday() => IndonesianTimeZones.Today(DateTimeOffset.UtcNow, DefaultTimeZone);

    /// <summary>The year a page is asked for (<c>?tahun=</c>, 2000–2100); otherwise the city's current year.</summary>
    public static int YearOr(int? asked) => asked is >= 2000 and <= 2100 ? asked.Value : CityToday().Year;

    /// <summary>WIB, WITA or WIT for Indonesia's zones; the zone id otherwise.</summary>
    public static string Abbreviation(TimeZoneInfo zone) => IndonesianTimeZones.Abbreviation(zone.Id);

    /// <summary><c>2 Desember 2026</c>: the calendar date in the zone.</summary>
    public static string Date(DateTimeOffset at, string? timeZone = null, CultureInfo? culture = null) =>
        TimeZoneInfo.ConvertTime(at, Zone(timeZone)).ToString("d MMMM yyyy", culture ?? CultureInfo.CurrentCulture);

    /// <summary>
    /// <c>2 Desember 2026</c> for a deadline: the complaints service stores a deadline as the end of its last working
    /// day (midnight at the start of the next one, in the unit's zone), so the day shown is the one before that instant.
    /// </summary>
    public static string DeadlineDate(DateTimeOffset deadline, string? timeZone = null, CultureInfo? culture = null) =>
        Date(LastMoment(deadline), timeZone, culture);

    /// <summary>The last instant still inside a deadline (the deadline is exclusive: midnight after its last day).</summary>
    public static DateTimeOffset LastMoment(DateTimeOffset deadline) => deadline.AddTicks(-1);

    /// <summary><c>2 Desember 2026, 14.30 WIB</c>.</summary>
    public static string DateTime(DateTimeOffset at, string? timeZone = null, CultureInfo? culture = null)
    {
        var c = culture ?? CultureInfo.CurrentCulture;
        var zone = Zone(timeZone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var time = c.TwoLetterISOLanguageName == "id" ? local.ToString("HH.mm", c) : local.ToString("HH:mm", c);
        return $"{local.ToString("d MMMM yyyy", c)}, {time} {Abbreviation(zone)}";
    }

    /// <summary><c>3,31</c> / <c>3.31</c>.</summary>
    public static string Number(decimal value, int decimals = 2, CultureInfo? culture = null) =>
        value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), culture ?? CultureInfo.CurrentCulture);

    public static string Number(double value, int decimals = 2, CultureInfo? culture = null) =>
        value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), culture ?? CultureInfo.CurrentCulture);
}
