using Tinjau.UnitRegistry.Api.Data;
using Tinjau.UnitRegistry.Api.Domain;
using Tinjau.UnitRegistry.Contracts;

namespace Tinjau.UnitRegistry.Tests.Domain;

public class SeedAndLocatorTests
{
    private static readonly (string Code, string Name, GeoPoint Centroid)[] Kelurahan = UnitRegistrySeed.JakartaPusat
        .SelectMany((kec, k) => kec.Kelurahan.Select((kel, n) => ($"31.71.{k + 1:00}.{1001 + n}", kel.Name, new GeoPoint(kel.Latitude, kel.Longitude))))
        .ToArray();

    private static (string Code, string Name, GeoPoint Centroid)? Locate(double lat, double lon, double max = KelurahanLocator.DefaultMaxDistanceKm) =>
        KelurahanLocator.Nearest(new GeoPoint(lat, lon), Kelurahan, k => k.Centroid, k => k.Code, max)?.Candidate;

    [Fact]
    public void Jakarta_Pusat_has_8_kecamatan_and_44_kelurahan_as_in_the_domain_notes()
    {
        Assert.Equal(["Gambir", "Sawah Besar", "Kemayoran", "Senen", "Cempaka Putih", "Menteng", "Tanah Abang", "Johar Baru"],
            UnitRegistrySeed.JakartaPusat.Select(k => k.Name));
        Assert.Equal([6, 5, 8, 6, 3, 5, 7, 4], UnitRegistrySeed.JakartaPusat.Select(k => k.Kelurahan.Length));
        Assert.Equal(44, Kelurahan.Length);
        Assert.Equal(44, Kelurahan.Select(k => k.Name + k.Code).Distinct().Count());
        Assert.Contains(Kelurahan, k => k.Code == "31.71.04.1002" && k.Name == "Kwitang");
        Assert.Contains(Kelurahan, k => k.Code == "31.71.08.1004" && k.Name == "Galur");
    }

    [Fact]
    public void Centroids_are_distinct_and_inside_Jakarta_Pusat()
    {
        Assert.Equal(Kelurahan.Length, Kelurahan.Select(k => k.Centroid).Distinct().Count());
        foreach (var k in Kelurahan)
        {
            Assert.InRange(k.Centroid.Latitude, -6.23, -6.13);
            Assert.InRange(k.Centroid.Longitude, 106.79, 106.88);
        }
        var closestPair = Kelurahan.SelectMany(a => Kelurahan.Where(b => string.CompareOrdinal(a.Code, b.Code) < 0)
            .Select(b => a.Centroid.DistanceKmTo(b.Centroid))).Min();
        Assert.True(closestPair > 0.1, $"two centroids are only {closestPair:0.000} km apart");
    }

    [Fact]
    public void Each_centroid_locates_its_own_kelurahan()
    {
        foreach (var k in Kelurahan)
        {
            Assert.Equal(k.Code, Locate(k.Centroid.Latitude, k.Centroid.Longitude)?.Code);
        }
    }

    [Fact]
    public void A_point_in_Kwitang_is_in_Kwitang() => Assert.Equal("Kwitang", Locate(-6.1826, 106.8412)?.Name);

    [Fact]
    public void A_point_near_Kwitang_goes_to_the_nearest_centroid() => Assert.Equal("Kwitang", Locate(-6.1830, 106.8405)?.Name);

    [Theory]
    [InlineData(-6.9175, 107.6191)] // Bandung
    [InlineData(-6.3000, 106.8200)] // Jakarta Selatan, > 3 km from every centroid
    [InlineData(0, 0)]
    public void Points_far_from_every_centroid_are_in_no_kelurahan(double lat, double lon) => Assert.Null(Locate(lat, lon));

    [Fact]
    public void The_maximum_distance_is_respected()
    {
        // about 1.1 km north of Kwitang's centroid
        Assert.NotNull(Locate(-6.1726, 106.8412, 3));
        Assert.Null(Locate(-6.1500, 106.7000, 0.5));
    }

    [Fact]
    public void Haversine_distance_is_plausible()
    {
        var monas = new GeoPoint(-6.1754, 106.8272);
        var bundaranHi = new GeoPoint(-6.1950, 106.8230);
        Assert.InRange(monas.DistanceKmTo(bundaranHi), 2.1, 2.3);
        Assert.Equal(0, monas.DistanceKmTo(monas), 6);
    }

    [Fact]
    public void Holiday_seed_covers_2025_and_2026_without_duplicates()
    {
        var dates = UnitRegistrySeed.Holidays.Select(h => (h.Date, h.Kind)).ToList();
        Assert.Equal(dates.Count, dates.Distinct().Count());
        Assert.Contains(UnitRegistrySeed.Holidays, h => h.Date.StartsWith("2025") && h.Kind == HolidayKind.CutiBersama);
        Assert.Contains(UnitRegistrySeed.Holidays, h => h.Date.StartsWith("2026") && h.Kind == HolidayKind.CutiBersama);
        Assert.Contains(UnitRegistrySeed.Holidays, h => h.Date == "2026-08-17");
    }
}
