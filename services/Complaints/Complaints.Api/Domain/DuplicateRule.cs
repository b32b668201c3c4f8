namespace Tinjau.Complaints.Api.Domain;

public sealed class DuplicateOptions
{
    /// <summary>Two complaints closer than this are "the same place".</summary>
    public double RadiusMeters { get; set; } = 150;

    /// <summary>An earlier complaint filed within this many days before is a candidate.</summary>
    public int WindowDays { get; set; } = 14;
}

/// <summary>
/// A complaint is a probable duplicate of an earlier one with the same category, filed within the window before it,
/// whose location is within the radius, and which is not merged, archived, rejected or declared not our authority. Of several, the
/// nearest wins, then the oldest.
/// </summary>
public static class DuplicateRule
{
    public sealed record Candidate(Guid Id, string Category, GeoPoint Location, DateTimeOffset FiledAt, ComplaintStatus Status);

    public static bool IsProbableDuplicate(string category, GeoPoint location, DateTimeOffset filedAt, Candidate earlier, DuplicateOptions options) =>
        string.Equals(category, earlier.Category, StringComparison.Ordinal)
        && earlier.FiledAt <= filedAt
        && filedAt - earlier.FiledAt <= TimeSpan.FromDays(options.WindowDays)
        && earlier.Status is not (ComplaintStatus.Diarsipkan or ComplaintStatus.Ditolak or ComplaintStatus.BukanWewenang)
        && location.DistanceMetersTo(earlier.Location) <= options.RadiusMeters;

    public static Candidate? FindOriginal(string category, GeoPoint location, DateTimeOffset filedAt, IEnumerable<Candidate> earlier, DuplicateOptions options) =>
        earlier.Where(c => IsProbableDuplicate(category, location, filedAt, c, options))
            .OrderBy(c => location.DistanceMetersTo(c.Location))
            .ThenBy(c => c.FiledAt)
            .FirstOrDefault();

    /// <summary>A latitude/longitude box around <paramref name="p"/> that contains the radius: a cheap index pre-filter.</summary>
    public static (double MinLat, double MaxLat, double MinLon, double MaxLon) SearchBox(GeoPoint p, double radiusMeters)
    {
        var dLat = radiusMeters / 111_000d * 1.1;
        var dLon = dLat / Math.Max(0.1, Math.Cos(p.Latitude * Math.PI / 180));
        return (p.Latitude - dLat, p.Latitude + dLat, p.Longitude - dLon, p.Longitude + dLon);
    }
}
