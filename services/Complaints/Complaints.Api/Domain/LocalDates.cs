using System.Globalization;

namespace Tinjau.Complaints.Api.Domain;

/// <summary>
/// One notion of "today": the dates users type or read are dates in the unit's or city's time zone (WIB, WITA, WIT),
/// never UTC dates.
/// </summary>
public static class LocalDates
{
    public static DateOnly Today(DateTimeOffset now, TimeZoneInfo zone) => IndonesianTimeZones.LocalDate(now, zone);

    /// <summary>
    /// A <c>from</c>/<c>to</c> filter: a date (<c>2026-12-02</c>) is that whole day in <paramref name="zone"/> — from its
    /// start for <c>from</c>, up to its end for <c>to</c>; an instant with an offset (<c>2026-12-02T08:00:00+07:00</c>)
    /// is taken as it is. Returns false for anything else.
    /// </summary>
    public static bool TryParseBound(string? text, TimeZoneInfo zone, bool isEnd, out DateTimeOffset? bound)
    {
        bound = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var value = text.Trim();
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            bound = IndonesianTimeZones.EndOfDay(isEnd ? date : date.AddDays(-1), zone);
            return true;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            bound = instant;
            return true;
        }
        return false;
    }
}
