using System.Collections.Concurrent;

namespace Tinjau.UnitRegistry.Contracts;

/// <summary>
/// Indonesia's three time zones, the one helper every service uses: WIB = Asia/Jakarta (UTC+7), WITA = Asia/Makassar
/// (UTC+8), WIT = Asia/Jayapura (UTC+9); none observes daylight saving time. Asia/Pontianak (WIB) is read too, but a
/// unit's zone is one of the three. When the OS lacks tzdata the zone is a fixed-offset one of the same id.
/// </summary>
public static class IndonesianTimeZones
{
    public const string Wib = "Asia/Jakarta";
    public const string Wita = "Asia/Makassar";
    public const string Wit = "Asia/Jayapura";
    private const string Pontianak = "Asia/Pontianak";

    private static readonly Dictionary<string, (string Id, string Abbreviation, int OffsetHours)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["WIB"] = (Wib, "WIB", 7),
        [Wib] = (Wib, "WIB", 7),
        [Pontianak] = (Pontianak, "WIB", 7),
        ["WITA"] = (Wita, "WITA", 8),
        [Wita] = (Wita, "WITA", 8),
        ["WIT"] = (Wit, "WIT", 9),
        [Wit] = (Wit, "WIT", 9),
    };

    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new();

    /// <summary>Accepts WIB/WITA/WIT or Asia/Jakarta, Asia/Makassar, Asia/Jayapura (any case) and gives the IANA id.</summary>
    public static bool TryNormalize(string? value, out string ianaId)
    {
        ianaId = "";
        if (string.IsNullOrWhiteSpace(value) || !Known.TryGetValue(value.Trim(), out var zone) || zone.Id == Pontianak)
        {
            return false;
        }
        ianaId = zone.Id;
        return true;
    }

    /// <summary>WIB, WITA or WIT for a known id; anything else is given back as it is.</summary>
    public static string Abbreviation(string ianaId) => Known.TryGetValue(ianaId, out var z) ? z.Abbreviation : ianaId;

    /// <summary>The zone for an IANA id or WIB/WITA/WIT; anything else (or nothing) is <paramref name="fallback"/>'s zone, WIB when that is unknown too.</summary>
    public static TimeZoneInfo Find(string? id, string fallback = Wib) => Resolve(id, fallback).Zone;

    /// <summary><see cref="Find"/> with the IANA id it settled on.</summary>
    public static (string Id, TimeZoneInfo Zone) Resolve(string? id, string fallback = Wib)
    {
        if (string.IsNullOrWhiteSpace(id) || !Known.TryGetValue(id.Trim(), out var zone))
        {
            zone = Known.TryGetValue(fallback, out var f) ? f : Known[Wib];
        }
        return (zone.Id, Zones.GetOrAdd(zone.Id, static (key, z) =>
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(key);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                return TimeZoneInfo.CreateCustomTimeZone(key, TimeSpan.FromHours(z.OffsetHours), z.Abbreviation, z.Abbreviation);
            }
        }, zone));
    }

    /// <summary>The local date of an instant in <paramref name="zone"/>.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>Today's date in a time zone (WIB when none or unknown): the date users read, not the UTC date.</summary>
    public static DateOnly Today(DateTimeOffset now, string? timeZone) => LocalDate(now, Find(timeZone));

    /// <summary>The instant a local date ends (midnight at the start of the next day) in <paramref name="zone"/>.</summary>
    public static DateTimeOffset EndOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var next = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(next, zone.GetUtcOffset(next)).ToUniversalTime();
    }
}
