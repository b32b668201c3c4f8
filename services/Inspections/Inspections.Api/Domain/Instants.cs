using System.Globalization;

namespace Tinjau.Inspections.Api.Domain;

/// <summary>
/// Instants as the database keeps them: UTC, microsecond precision. Normalising on the way in keeps the canonical
/// JSON of a visit identical before and after a round trip through PostgreSQL (the hash chain depends on it).
/// </summary>
public static class Instants
{
    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
    }

    public static string Format(DateTimeOffset value) =>
        Normalize(value).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
