namespace Tinjau.UnitRegistry.Contracts;

/// <summary>
/// Which kelurahan contains a point: the registry's locate endpoint and the services' local snapshots answer alike.
/// The registry keeps one centroid per kelurahan (not its boundary), so the rule is: the active kelurahan whose
/// centroid is nearest to the point (great-circle distance), provided that distance is at most <c>maxDistanceKm</c>
/// (3 km by default); otherwise no kelurahan is found. Ties go to the lower code.
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
