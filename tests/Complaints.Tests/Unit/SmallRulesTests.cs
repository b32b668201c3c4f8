using Tinjau.Complaints.Api.Domain;
using Tinjau.UnitRegistry.Contracts;

namespace Tinjau.Complaints.Tests.Unit;

public sealed class TrackingNumberTests
{
    [Fact]
    public void Numbers_look_like_JKT_7K3M_Q9_and_avoid_look_alikes()
    {
        for (var i = 0; i < 500; i++)
        {
            var n = TrackingNumber.New("JKT");
            Assert.Matches("^JKT-[A-Z2-9]{4}-[A-Z2-9]{2}$", n);
            Assert.True(TrackingNumber.IsWellFormed(n));
            Assert.DoesNotContain(n[4..], ch => ch is '0' or 'O' or '1' or 'I' or 'L' or 'U' or 'V');
        }
    }

    [Fact]
    public void Numbers_are_spread_out()
    {
        var set = Enumerable.Range(0, 2000).Select(_ => TrackingNumber.New("JKT")).ToHashSet();
        Assert.True(set.Count >= 1995);
    }

    [Theory]
    [InlineData("jkt-7k3m-q9", true)]
    [InlineData(" JKT-7K3M-Q9 ", true)]
    [InlineData("JKT-7K3M-Q0", false)]
    [InlineData("JKT-7K3MQ9", false)]
    [InlineData("../etc/passwd", false)]
    public void Typed_numbers_are_normalized_and_checked(string typed, bool ok) =>
        Assert.Equal(ok, TrackingNumber.IsWellFormed(TrackingNumber.Normalize(typed)));
}

public sealed class DuplicateRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 10, 3, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Here = new(-6.1830, 106.8415);
    private static readonly DuplicateOptions Options = new() { RadiusMeters = 150, WindowDays = 14 };

    private static DuplicateRule.Candidate Earlier(double metersNorth, double daysAgo, string category = "jalan-rusak",
        ComplaintStatus status = ComplaintStatus.Menunggu) =>
        new(Guid.NewGuid(), category, new GeoPoint(Here.Latitude + metersNorth / 111_195d, Here.Longitude), Now.AddDays(-daysAgo), status);

    [Fact]
    public void Same_category_close_by_and_recent_is_a_probable_duplicate() =>
        Assert.True(DuplicateRule.IsProbableDuplicate("jalan-rusak", Here, Now, Earlier(100, 3), Options));

    [Fact]
    public void Too_far_is_not() => Assert.False(DuplicateRule.IsProbableDuplicate("jalan-rusak", Here, Now, Earlier(200, 3), Options));

    [Fact]
    public void Too_old_is_not() => Assert.False(DuplicateRule.IsProbableDuplicate("jalan-rusak", Here, Now, Earlier(10, 15), Options));

    [Fact]
    public void Another_category_is_not() => Assert.False(DuplicateRule.IsProbableDuplicate("sampah", Here, Now, Earlier(10, 1), Options));

    [Fact]
    public void Rejected_or_archived_ones_are_not() =>
        Assert.False(DuplicateRule.IsProbableDuplicate("jalan-rusak", Here, Now, Earlier(10, 1, status: ComplaintStatus.Ditolak), Options));

    [Fact]
    public void The_nearest_then_oldest_is_chosen()
    {
        var far = Earlier(120, 2);
        var nearNew = Earlier(20, 1);
        var nearOld = Earlier(20, 5);
        Assert.Equal(nearOld.Id, DuplicateRule.FindOriginal("jalan-rusak", Here, Now, [far, nearNew, nearOld], Options)!.Id);
    }

    [Fact]
    public void The_search_box_contains_the_radius()
    {
        var (minLat, maxLat, minLon, maxLon) = DuplicateRule.SearchBox(Here, 150);
        var east = new GeoPoint(Here.Latitude, Here.Longitude + 150 / (111_195d * Math.Cos(Here.Latitude * Math.PI / 180)));
        Assert.InRange(east.Longitude, minLon, maxLon);
        Assert.InRange(Here.Latitude + 150 / 111_195d, minLat, maxLat);
    }
}

public sealed class Open311StatusTests
{
    [Theory]
    [InlineData(ComplaintStatus.Menunggu, "open")]
    [InlineData(ComplaintStatus.Koordinasi, "open")]
    [InlineData(ComplaintStatus.Disposisi, "open")]
    [InlineData(ComplaintStatus.Proses, "open")]
    [InlineData(ComplaintStatus.Ditunda, "open")]
    [InlineData(ComplaintStatus.Selesai, "closed")]
    [InlineData(ComplaintStatus.BukanWewenang, "closed")]
    [InlineData(ComplaintStatus.Diarsipkan, "closed")]
    [InlineData(ComplaintStatus.Ditolak, "closed")]
    public void Statuses_map_to_open_or_closed(ComplaintStatus status, string expected) => Assert.Equal(expected, Open311Status.Of(status));

    [Fact]
    public void Filters_expand_to_statuses()
    {
        Assert.Equal(5, Open311Status.StatusesFor("open")!.Length);
        Assert.Equal(4, Open311Status.StatusesFor("CLOSED")!.Length);
        Assert.Null(Open311Status.StatusesFor("pending"));
    }

    [Fact]
    public void Notes_carry_the_answer()
    {
        var c = ComplaintStateMachineTests.In(ComplaintStatus.Selesai);
        Assert.Equal("Selesai: Sudah ditambal", Open311Status.Notes(c));
    }
}

public sealed class RoutingNotesTests
{
    [Theory]
    [InlineData("Kelurahan Kwitang")]
    [InlineData("Kwitang")]
    [InlineData(" kelurahan Kwitang ")]
    public void The_routing_note_names_the_kelurahan_once(string registryName)
    {
        var note = RoutingNotes.Located(registryName);
        Assert.DoesNotContain("Kelurahan Kelurahan", note, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("Kwitang.", note, StringComparison.Ordinal);
        Assert.StartsWith("Lokasi berada di ", note, StringComparison.Ordinal);
    }
}

public sealed class LocalDatesTests
{
    private static readonly TimeZoneInfo Wib = IndonesianTimeZones.Find("WIB");

    [Fact]
    public void Today_is_the_date_in_the_city_not_the_UTC_date()
    {
        // 22:00 UTC on 1 December is 05:00 WIB on 2 December.
        Assert.Equal(new DateOnly(2026, 12, 2), LocalDates.Today(new DateTimeOffset(2026, 12, 1, 22, 0, 0, TimeSpan.Zero), Wib));
        Assert.Equal(new DateOnly(2026, 12, 2), LocalDates.Today(new DateTimeOffset(2026, 12, 2, 16, 59, 0, TimeSpan.Zero), Wib));
    }

    [Fact]
    public void A_date_filter_is_the_whole_day_in_the_city_and_an_instant_stays_an_instant()
    {
        Assert.True(LocalDates.TryParseBound("2026-12-02", Wib, isEnd: false, out var from));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 17, 0, 0, TimeSpan.Zero), from);
        Assert.True(LocalDates.TryParseBound("2026-12-02", Wib, isEnd: true, out var to));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 17, 0, 0, TimeSpan.Zero), to);
        Assert.True(LocalDates.TryParseBound("2026-12-02T08:00:00+07:00", Wib, isEnd: false, out var instant));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero), instant);
        Assert.True(LocalDates.TryParseBound(null, Wib, isEnd: false, out var none));
        Assert.Null(none);
        Assert.False(LocalDates.TryParseBound("besok", Wib, isEnd: false, out _));
    }
}
