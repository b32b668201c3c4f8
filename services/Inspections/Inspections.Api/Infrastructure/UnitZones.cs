namespace Tinjau.Inspections.Api.Infrastructure;

/// <summary>Indonesian time zones by IANA id (or WIB/WITA/WIT), as this service names them: <see cref="IndonesianTimeZones"/>.</summary>
public static class UnitZones
{
    public static (string Id, TimeZoneInfo Zone) Find(string? timeZone, string fallback) => IndonesianTimeZones.Resolve(timeZone, fallback);

    /// <summary>Today's date in a time zone (WIB by default): the date users read, not the UTC date.</summary>
    public static DateOnly Today(DateTimeOffset now, string? timeZone) => IndonesianTimeZones.Today(now, timeZone);
}
