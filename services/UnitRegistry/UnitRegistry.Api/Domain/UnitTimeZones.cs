namespace Tinjau.UnitRegistry.Api.Domain;

/// <summary>
/// Indonesia's three time zones as IANA ids: WIB = Asia/Jakarta (UTC+7), WITA = Asia/Makassar (UTC+8),
/// WIT = Asia/Jayapura (UTC+9). None observes daylight saving time.
/// </summary>
public static class UnitTimeZones
{
    public const string Wib = "Asia/Jakarta";
    public const string Wita = "Asia/Makassar";
    public const string Wit = "Asia/Jayapura";

    private static readonly Dictionary<string, (string Id, string Abbreviation, int OffsetHours)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["WIB"] = (Wib, "WIB", 7),
        [Wib] = (Wib, "WIB", 7),
        ["WITA"] = (Wita, "WITA", 8),
        [Wita] = (Wita, "WITA", 8),
        ["WIT"] = (Wit, "WIT", 9),
        [Wit] = (Wit, "WIT", 9),
    };

    private static readonly Dictionary<string, TimeZoneInfo> Cache = new();

    /// <summary>Accepts WIB/WITA/WIT or the IANA id (any case) and gives the IANA id.</summary>
    public static bool TryNormalize(string? value, out string ianaId)
    {
        ianaId = "";
        if (string.IsNullOrWhiteSpace(value) || !Known.TryGetValue(value.Trim(), out var zone))
        {
            return false;
        }
        ianaId = zone.Id;
        return true;
    }

    public static string Abbreviation(string ianaId) => Known.TryGetValue(ianaId, out var z) ? z.Abbreviation : ianaId;

    /// <summary>The zone from the OS time zone database, or a fixed-offset zone if the database lacks it.</summary>
    public static TimeZoneInfo Find(string ianaId)
    {
        if (!Known.TryGetValue(ianaId, out var zone))
        {
            throw new ArgumentException($"'{ianaId}' is not an Indonesian time zone.", nameof(ianaId));
        }
        lock (Cache)
        {
            if (Cache.TryGetValue(zone.Id, out var tz))
            {
                return tz;
            }
            try
            {
                tz = TimeZoneInfo.FindSystemTimeZoneById(zone.Id);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                tz = TimeZoneInfo.CreateCustomTimeZone(zone.Id, TimeSpan.FromHours(zone.OffsetHours), zone.Abbreviation, zone.Abbreviation);
            }
            Cache[zone.Id] = tz;
            return tz;
        }
    }
}
