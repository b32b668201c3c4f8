namespace Tinjau.Inspections.Api.Infrastructure;

/// <summary>Indonesian time zones by IANA id (or WIB/WITA/WIT), with a fixed-offset fallback when the OS lacks tzdata.</summary>
public static class UnitZones
{
    private static readonly Dictionary<string, (string Id, int Offset)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Asia/Jakarta"] = ("Asia/Jakarta", 7),
        ["WIB"] = ("Asia/Jakarta", 7),
        ["Asia/Pontianak"] = ("Asia/Pontianak", 7),
        ["Asia/Makassar"] = ("Asia/Makassar", 8),
        ["WITA"] = ("Asia/Makassar", 8),
        ["Asia/Jayapura"] = ("Asia/Jayapura", 9),
        ["WIT"] = ("Asia/Jayapura", 9),
    };

    public static (string Id, TimeZoneInfo Zone) Find(string? timeZone, string fallback)
    {
        if (string.IsNullOrWhiteSpace(timeZone) || !Known.TryGetValue(timeZone.Trim(), out var zone))
        {
            zone = Known.TryGetValue(fallback, out var f) ? f : ("Asia/Jakarta", 7);
        }
        try
        {
            return (zone.Id, TimeZoneInfo.FindSystemTimeZoneById(zone.Id));
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return (zone.Id, TimeZoneInfo.CreateCustomTimeZone(zone.Id, TimeSpan.FromHours(zone.Offset), zone.Id, zone.Id));
        }
    }

    /// <summary>Today's date in a time zone (WIB by default): the date users read, not the UTC date.</summary>
    public static DateOnly Today(DateTimeOffset now, string? timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Find(timeZone, "Asia/Jakarta").Zone).DateTime);
}
