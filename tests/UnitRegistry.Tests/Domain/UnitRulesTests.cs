using Microsoft.EntityFrameworkCore;
using Tinjau.UnitRegistry.Api.Data;
using Tinjau.UnitRegistry.Api.Domain;
using Tinjau.UnitRegistry.Api.Infrastructure;
using Tinjau.UnitRegistry.Contracts;

namespace Tinjau.UnitRegistry.Tests.Domain;

public class UnitRulesTests
{
    private static readonly UnitHierarchyRules.ParentInfo Kota = new(Guid.NewGuid(), "31.71", UnitType.Kota);
    private static readonly UnitHierarchyRules.ParentInfo Kecamatan = new(Guid.NewGuid(), "31.71.04", UnitType.Kecamatan);

    [Theory]
    [InlineData("31.71")]
    [InlineData("31.71.01")]
    [InlineData("31.71.01.1001")]
    [InlineData("31.71.PTSP")]
    [InlineData("31.71.SDSOS")]
    public void Well_formed_codes(string code) => Assert.True(UnitCodes.IsWellFormed(code));

    [Theory]
    [InlineData("")]
    [InlineData("3171")]
    [InlineData("31.")]
    [InlineData("31..71")]
    [InlineData("31.71.01.1001.5.6")]
    [InlineData("31.71.ptsp")]
    [InlineData("AB.71")]
    public void Malformed_codes(string code) => Assert.False(UnitCodes.IsWellFormed(code));

    [Fact]
    public void A_kelurahan_needs_a_kecamatan_parent_and_a_code_under_it()
    {
        Assert.Empty(UnitHierarchyRules.Check("31.71.04.1009", UnitType.Kelurahan, Kecamatan));
        Assert.Contains("parentId", UnitHierarchyRules.Check("31.71.04.1009", UnitType.Kelurahan, Kota).Keys);
        Assert.Contains("parentId", UnitHierarchyRules.Check("31.71.04.1009", UnitType.Kelurahan, null).Keys);
        Assert.Contains("code", UnitHierarchyRules.Check("31.71.05.1009", UnitType.Kelurahan, Kecamatan).Keys);
        Assert.Contains("code", UnitHierarchyRules.Check("31.71.04.19", UnitType.Kelurahan, Kecamatan).Keys);
    }

    [Fact]
    public void A_kecamatan_needs_a_kota_parent()
    {
        Assert.Empty(UnitHierarchyRules.Check("31.71.09", UnitType.Kecamatan, Kota));
        Assert.Contains("parentId", UnitHierarchyRules.Check("31.71.09", UnitType.Kecamatan, Kecamatan).Keys);
        Assert.Contains("code", UnitHierarchyRules.Check("31.72.09", UnitType.Kecamatan, Kota).Keys);
    }

    [Fact]
    public void A_kota_has_no_regional_parent()
    {
        Assert.Empty(UnitHierarchyRules.Check("31.71", UnitType.Kota, null));
        Assert.Contains("parentId", UnitHierarchyRules.Check("31.71", UnitType.Kota, Kecamatan).Keys);
        Assert.Contains("code", UnitHierarchyRules.Check("31.71.01", UnitType.Kota, null).Keys);
    }

    [Fact]
    public void Agencies_may_hang_anywhere()
    {
        Assert.Empty(UnitHierarchyRules.Check("31.71.SDSOS", UnitType.Sudin, Kota));
        Assert.Empty(UnitHierarchyRules.Check("31.71.04.PKM", UnitType.Puskesmas, Kecamatan));
        Assert.Empty(UnitHierarchyRules.Check("99.UPT", UnitType.Upt, null));
    }

    [Fact]
    public void Cycles_are_detected()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var c = Guid.NewGuid();
        Assert.True(UnitHierarchyRules.WouldCreateCycle(a, a, []));
        Assert.True(UnitHierarchyRules.WouldCreateCycle(a, c, [b, a]));
        Assert.False(UnitHierarchyRules.WouldCreateCycle(a, c, [b]));
        Assert.False(UnitHierarchyRules.WouldCreateCycle(a, null, []));
    }

    [Fact]
    public void A_unit_cannot_be_deactivated_twice_or_be_its_own_parent()
    {
        var now = DateTimeOffset.UtcNow;
        var unit = Unit.Register(Guid.NewGuid(), "99.01", "Test", UnitType.Kota, null, null, null, "WITA", [], null, null, now);
        Assert.Equal(IndonesianTimeZones.Wita, unit.TimeZoneId);
        unit.Deactivate(now);
        Assert.False(unit.IsActive);
        Assert.Throws<DomainException>(() => unit.Deactivate(now));
        unit.Activate(now);
        Assert.Throws<DomainException>(() => unit.Activate(now));
        Assert.Throws<DomainException>(() => unit.Update("x", UnitType.Other, unit.Id, null, null, "WIB", [], null, now));
    }

    [Theory]
    [InlineData("WIB", "Asia/Jakarta")]
    [InlineData("wita", "Asia/Makassar")]
    [InlineData("WIT", "Asia/Jayapura")]
    [InlineData("asia/jayapura", "Asia/Jayapura")]
    public void Time_zones_accept_indonesian_abbreviations(string input, string expected)
    {
        Assert.True(IndonesianTimeZones.TryNormalize(input, out var id));
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Asia/Singapore")]
    [InlineData("")]
    public void Other_time_zones_are_rejected(string input) => Assert.False(IndonesianTimeZones.TryNormalize(input, out _));

    [Fact]
    public void Zones_have_the_right_offsets()
    {
        var at = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromHours(7), IndonesianTimeZones.Find(IndonesianTimeZones.Wib).GetUtcOffset(at));
        Assert.Equal(TimeSpan.FromHours(8), IndonesianTimeZones.Find(IndonesianTimeZones.Wita).GetUtcOffset(at));
        Assert.Equal(TimeSpan.FromHours(9), IndonesianTimeZones.Find(IndonesianTimeZones.Wit).GetUtcOffset(at));
    }

    [Fact]
    public void Instants_without_offset_are_local_to_the_zone()
    {
        var wit = IndonesianTimeZones.Find(IndonesianTimeZones.Wit);
        Assert.True(Instants.TryParse("2026-03-18T10:00", wit, out var local));
        Assert.Equal(new DateTimeOffset(2026, 3, 18, 10, 0, 0, TimeSpan.FromHours(9)), local);
        Assert.True(Instants.TryParse("2026-03-18T10:00:00Z", wit, out var utc));
        Assert.Equal(TimeSpan.Zero, utc.Offset);
        Assert.True(Instants.TryParse("2026-03-18", wit, out var date));
        Assert.Equal(new DateTimeOffset(2026, 3, 18, 0, 0, 0, TimeSpan.FromHours(9)), date);
        Assert.False(Instants.TryParse("yesterday", wit, out _));
    }

    [Fact]
    public void Csv_reads_quotes_separators_and_line_numbers()
    {
        var rows = Csv.Parse("code,name\r\n31.71,\"Kota, \"\"Pusat\"\"\"\n\n31.72,\"Multi\nline\"\n31.73,Last");
        Assert.Equal(4, rows.Count);
        Assert.Equal("Kota, \"Pusat\"", rows[1].Fields[1]);
        Assert.Equal(2, rows[1].Line);
        Assert.Equal(4, rows[2].Line);
        Assert.Equal("Multi\nline", rows[2].Fields[1]);
        Assert.Equal(6, rows[3].Line);
        var semicolons = Csv.Parse("code;name\n31.71;Pusat");
        Assert.Equal("Pusat", semicolons[1].Fields[1]);
    }

    [Theory]
    [InlineData(typeof(UnitDirectoryEntry), "CodePath", "code_path")]
    [InlineData(typeof(Unit), "TimeZoneId", "time_zone_id")]
    [InlineData(typeof(Unit), "Id", "id")]
    public void Columns_are_snake_case(Type entity, string name, string expected)
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        Assert.Equal(expected, db.Model.FindEntityType(entity)!.FindProperty(name)!.GetColumnName());
    }
}
