namespace Tinjau.UnitRegistry.Contracts;

/// <summary>A WGS 84 point: the registry locates units by it, intake finds duplicate complaints by it.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusKm = 6371.0088;
    private const double EarthRadiusMeters = 6_371_008.8;

    public static bool IsValid(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;

    /// <summary>Great-circle (haversine) distance in kilometres.</summary>
    public double DistanceKmTo(GeoPoint other) => EarthRadiusKm * CentralAngleTo(other);

    /// <summary>Great-circle (haversine) distance in metres.</summary>
    public double DistanceMetersTo(GeoPoint other) => EarthRadiusMeters * CentralAngleTo(other);

    // Twice the haversine's arcsine: the angle between the two points seen from the earth's centre, in radians.
    private double CentralAngleTo(GeoPoint other)
    {
        static double Rad(double deg) => deg * Math.PI / 180;
        var dLat = Rad(other.Latitude - Latitude);
        var dLon = Rad(other.Longitude - Longitude);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                + Math.Cos(Rad(Latitude)) * Math.Cos(Rad(other.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
