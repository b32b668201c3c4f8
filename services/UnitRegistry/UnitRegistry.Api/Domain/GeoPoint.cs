namespace Tinjau.UnitRegistry.Api.Domain;

/// <summary>A WGS 84 point.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusKm = 6371.0088;

    public static bool IsValid(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;

    /// <summary>Great-circle (haversine) distance in kilometres.</summary>
    public double DistanceKmTo(GeoPoint other)
    {
        static double Rad(double deg) => deg * Math.PI / 180;
        var dLat = Rad(other.Latitude - Latitude);
        var dLon = Rad(other.Longitude - Longitude);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                + Math.Cos(Rad(Latitude)) * Math.Cos(Rad(other.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

/// <summary>
/// Which kelurahan contains a point. The registry keeps one centroid per kelurahan (not its boundary), so the rule is:
/// the active kelurahan whose centroid is nearest to the point (great-circle distance), provided that distance is at
/// most <c>maxDistanceKm</c> (3 km by default); otherwise no kelurahan is found. Ties go to the lower code.
/// Near a boundary this can pick the neighbour: it is an approximation, good for routing, not for legal boundaries.
/// </summary>
public static class KelurahanLocator
{
    public const double DefaultMaxDistanceKm = 3.0;

    public static (T Candidate, double DistanceKm)? Nearest<T>(GeoPoint point, IEnumerable<T> candidates,
        Func<T, GeoPoint> centroid, Func<T, string> code, double maxDistanceKm = DefaultMaxDistanceKm)
    {
        (T Candidate, double DistanceKm)? best = null;
        foreach (var c in candidates)
        {
            var d = point.DistanceKmTo(centroid(c));
            if (d > maxDistanceKm)
            {
                continue;
            }
            if (best is null || d < best.Value.DistanceKm
                || (d == best.Value.DistanceKm && string.CompareOrdinal(code(c), code(best.Value.Candidate)) < 0))
            {
                best = (c, d);
            }
        }
        return best;
    }
}
