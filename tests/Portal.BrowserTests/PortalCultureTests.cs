using Tinjau.Portal.Web.Services;

namespace Tinjau.Portal.BrowserTests;

/// <summary>Pure logic, no browser: how dates, numbers and CSV fields are written.</summary>
public sealed class PortalCultureTests
{
    private static readonly DateTimeOffset LateEveningUtc = new(2026, 12, 1, 17, 30, 0, TimeSpan.Zero); // 2 Dec 00:30 WIB

    [Fact]
    public void Dates_are_written_in_the_chosen_language_and_in_the_units_time_zone()
    {
        Assert.Equal("2 Desember 2026", PortalCulture.Date(LateEveningUtc, "Asia/Jakarta", PortalCulture.Indonesian));
        Assert.Equal("2 December 2026", PortalCulture.Date(LateEveningUtc, "WIB", PortalCulture.English));
        Assert.Equal("2 Desember 2026", PortalCulture.Date(LateEveningUtc.AddHours(-1), "WITA", PortalCulture.Indonesian));
        Assert.Equal("2 Desember 2026, 00.30 WIB", PortalCulture.DateTime(LateEveningUtc, null, PortalCulture.Indonesian));
        Assert.Equal("2 December 2026, 02:30 WIT", PortalCulture.DateTime(LateEveningUtc, "Asia/Jayapura", PortalCulture.English));
    }

    [Fact]
    public void Numbers_use_the_cultures_decimal_separator()
    {
        Assert.Equal("3,31", PortalCulture.Number(3.31m, 2, PortalCulture.Indonesian));
        Assert.Equal("3.31", PortalCulture.Number(3.31m, 2, PortalCulture.English));
        Assert.Equal("88,31", PortalCulture.Number(88.3125, 2, PortalCulture.Indonesian));
    }

    [Fact]
    public void An_unknown_time_zone_falls_back_to_WIB() =>
        Assert.Equal("WIB", PortalCulture.Abbreviation(PortalCulture.Zone("Mars/Olympus")));

    [Theory]
    [InlineData("Kelurahan Kwitang", "Kelurahan Kwitang")]
    [InlineData("A, B", "\"A, B\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    public void Csv_fields_are_quoted_and_formulas_neutralised(string value, string expected) =>
        Assert.Equal(expected, PortalEndpoints.Csv(value));
}
