using Tinjau.Complaints.Api.Infrastructure;
using Tinjau.UnitRegistry.Client;
using Tinjau.UnitRegistry.Contracts;

namespace Tinjau.Complaints.Tests.Unit;

public sealed class KelurahanSnapshotTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 2, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint AtKwitang = new(-6.1826, 106.8412);
    private static readonly UnitInfo Kwitang = new(Guid.NewGuid(), "31.71.04.1002", "Kelurahan Kwitang", "kelurahan", null, "Asia/Jakarta", -6.1826, 106.8412);
    private static readonly UnitInfo Senen = new(Guid.NewGuid(), "31.71.04.1001", "Kelurahan Senen", "kelurahan", null, "Asia/Jakarta", -6.1755, 106.8440);

    [Fact]
    public void Nothing_is_located_before_the_registry_list_is_read_so_intake_asks_the_registry()
    {
        var snapshot = new KelurahanSnapshot();
        snapshot.Apply(Kwitang.Id, Kwitang, T0);

        Assert.False(snapshot.IsLoaded);
        Assert.Null(snapshot.Locate(AtKwitang));
    }

    [Fact]
    public void A_point_is_located_to_the_nearest_kelurahan_within_three_km_and_to_none_further()
    {
        var snapshot = new KelurahanSnapshot();
        snapshot.Load([Kwitang, Senen], T0);

        Assert.Equal(Kwitang.Id, snapshot.Locate(AtKwitang)?.Id);
        Assert.Equal(Senen.Id, snapshot.Locate(new GeoPoint(-6.1760, 106.8440))?.Id);
        Assert.Null(snapshot.Locate(new GeoPoint(-6.2275, 106.8845)));
    }

    [Fact]
    public void A_deactivated_or_moved_kelurahan_is_no_longer_found_and_an_older_event_changes_nothing()
    {
        var snapshot = new KelurahanSnapshot();
        snapshot.Load([Kwitang, Senen], T0);

        snapshot.Apply(Kwitang.Id, null, T0.AddMinutes(1));
        Assert.Equal(Senen.Id, snapshot.Locate(AtKwitang)?.Id);

        // Redelivered or late: the registration from before the deactivation does not bring it back.
        snapshot.Apply(Kwitang.Id, Kwitang, T0.AddSeconds(30));
        Assert.Equal(Senen.Id, snapshot.Locate(AtKwitang)?.Id);

        // Neither does a list read before the deactivation.
        snapshot.Load([Kwitang, Senen], T0.AddSeconds(45));
        Assert.Equal(Senen.Id, snapshot.Locate(AtKwitang)?.Id);

        snapshot.Apply(Kwitang.Id, Kwitang, T0.AddMinutes(2));
        Assert.Equal(Kwitang.Id, snapshot.Locate(AtKwitang)?.Id);
    }

    [Fact]
    public void A_kelurahan_missing_from_a_newer_list_is_dropped_and_other_unit_types_are_never_candidates()
    {
        var snapshot = new KelurahanSnapshot();
        var puskesmas = Kwitang with { Id = Guid.NewGuid(), Code = "31.71.04.P01", Type = "puskesmas" };
        snapshot.Load([Kwitang, Senen, puskesmas], T0);
        snapshot.Load([Senen], T0.AddMinutes(10));

        Assert.Equal(Senen.Id, snapshot.Locate(AtKwitang)?.Id);
    }
}
