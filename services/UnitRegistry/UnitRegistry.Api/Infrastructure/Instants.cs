using System.Globalization;
using System.Text.RegularExpressions;

namespace Tinjau.UnitRegistry.Api.Infrastructure;

/// <summary>
/// Reads instants given by clients: ISO 8601 with an offset or Z (an instant), or without one (a local date-time, or
/// a date meaning its midnight, in the given time zone).
/// </summary>
public static partial class Instants
{
    public static bool TryParse(string? value, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        var v = value.Trim();
        if (HasOffset().IsMatch(v))
        {
            return DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
        }
        if (!DateTime.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        instant = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return true;
    }

    public const string Help = "an ISO 8601 instant (2026-03-18T10:00:00+07:00 or …Z), or a local date-time/date read in the unit's time zone";

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();
}
