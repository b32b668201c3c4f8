namespace Tinjau.Complaints.Api.Domain;

/// <summary>The city's extent: coordinates outside it are rejected at intake.</summary>
public sealed class BoundingBox
{
    public double MinLatitude { get; set; }
    public double MaxLatitude { get; set; }
    public double MinLongitude { get; set; }
    public double MaxLongitude { get; set; }

    public bool Contains(GeoPoint p) =>
        p.Latitude >= MinLatitude && p.Latitude <= MaxLatitude && p.Longitude >= MinLongitude && p.Longitude <= MaxLongitude;
}
