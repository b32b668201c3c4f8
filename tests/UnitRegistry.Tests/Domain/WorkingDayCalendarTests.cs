using Tinjau.UnitRegistry.Api.Data;
using Tinjau.UnitRegistry.Api.Domain;
using Tinjau.UnitRegistry.Contracts;

namespace Tinjau.UnitRegistry.Tests.Domain;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = new(UnitRegistrySeed.Holidays.Select(h => (D(h.Date), h.Name)));
    private static readonly TimeZoneInfo Wib = IndonesianTimeZones.Find(IndonesianTimeZones.Wib);
    private static readonly TimeZoneInfo Wita = IndonesianTimeZones.Find(IndonesianTimeZones.Wita);
    private static readonly TimeZoneInfo Wit = IndonesianTimeZones.Find(IndonesianTimeZones.Wit);

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd");

    private static DateTimeOffset I(string s) => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-01-09", 1, "2026-01-12")] // Friday → Monday
    [InlineData("2026-01-10", 1, "2026-01-12")] // Saturday → Monday
    [InlineData("2026-01-11", 1, "2026-01-12")] // Sunday → Monday
    [InlineData("2026-01-12", 5, "2026-01-20")] // Jan 16 (Isra Mikraj) and the weekend are skipped
    [InlineData("2026-01-13", 0, "2026-01-13")]
    [InlineData("2026-01-17", 0, "2026-01-17")] // zero keeps a weekend day as is
    [InlineData("2026-03-17", 1, "2026-03-25")] // Nyepi + Idul Fitri + cuti bersama 18–24 March 2026
    [InlineData("2026-03-13", 3, "2026-03-25")]
    [InlineData("2025-03-27", 1, "2025-04-08")] // Nyepi cuti 28 Mar, Idul Fitri 31 Mar–1 Apr, cuti 2–4, 7 Apr 2025
    [InlineData("2025-12-24", 1, "2025-12-29")] // Natal 25, cuti 26, weekend
    [InlineData("2025-12-24", 2, "2025-12-30")]
    [InlineData("2025-12-31", 1, "2026-01-02")] // over the year boundary, New Year's Day skipped
    [InlineData("2025-12-30", 3, "2026-01-05")]
    [InlineData("2026-12-23", 1, "2026-12-28")] // cuti 24, Natal 25, weekend
    [InlineData("2026-05-13", 1, "2026-05-18")] // Kenaikan 14, cuti 15
    [InlineData("2026-01-12", -1, "2026-01-09")]
    [InlineData("2026-01-02", -1, "2025-12-31")]
    [InlineData("2025-12-29", -1, "2025-12-24")]
    public void Adds_working_days_skipping_weekends_holidays_and_cuti_bersama(string from, int days, string expected) =>
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(from), days));

    [Theory]
    [InlineData("2026-03-18")]
    [InlineData("2026-03-19")]
    [InlineData("2026-03-20")]
    [InlineData("2026-03-23")]
    [InlineData("2026-03-24")]
    [InlineData("2026-08-17")]
    [InlineData("2025-08-18")]
    [InlineData("2026-01-10")]
    [InlineData("2026-01-11")]
    public void Holidays_cuti_bersama_and_weekends_are_not_working_days(string date) => Assert.False(Calendar.IsWorkingDay(D(date)));

    [Theory]
    [InlineData("2026-03-25")]
    [InlineData("2026-01-02")]
    [InlineData("2025-12-30")]
    public void Ordinary_weekdays_are_working_days(string date) => Assert.True(Calendar.IsWorkingDay(D(date)));

    [Fact]
    public void Without_holidays_only_weekends_are_skipped()
    {
        var weekends = WorkingDayCalendar.WeekendsOnly();
        Assert.Equal(D("2026-03-18"), weekends.AddWorkingDays(D("2026-03-17"), 1));
        Assert.Equal(D("2027-01-01"), weekends.AddWorkingDays(D("2026-12-31"), 1));
    }

    [Theory]
    [InlineData("2026-01-09", "2026-01-12", 1)]
    [InlineData("2026-01-12", "2026-01-09", -1)]
    [InlineData("2026-01-12", "2026-01-12", 0)]
    [InlineData("2026-03-17", "2026-03-31", 5)]
    [InlineData("2025-12-24", "2026-01-09", 9)]
    [InlineData("2026-01-10", "2026-01-11", 0)]
    public void Counts_working_days_after_from_up_to_and_including_to(string from, string to, int expected) =>
        Assert.Equal(expected, Calendar.CountWorkingDays(D(from), D(to)));

    [Theory]
    [InlineData("2025-12-20")]
    [InlineData("2025-12-24")]
    [InlineData("2026-03-13")]
    [InlineData("2026-03-21")]
    [InlineData("2026-05-12")]
    public void Count_is_the_inverse_of_add(string from)
    {
        foreach (var n in new[] { 0, 1, 2, 3, 7, 15, 40, 260 })
        {
            var to = Calendar.AddWorkingDays(D(from), n);
            Assert.Equal(n, Calendar.CountWorkingDays(D(from), to));
        }
    }

    [Fact]
    public void Adding_to_an_instant_keeps_the_local_time_and_the_zone_offset()
    {
        var result = Calendar.AddWorkingDays(I("2026-03-17T10:00:00+07:00"), 1, Wib);
        Assert.Equal(I("2026-03-25T10:00:00+07:00"), result);
        Assert.Equal(TimeSpan.FromHours(7), result.Offset);
    }

    [Fact]
    public void An_instant_given_in_UTC_is_read_in_the_units_zone()
    {
        // 2026-01-09T16:30Z is Friday 23:30 in WIB but already Saturday 01:30 in WIT
        var instant = I("2026-01-09T16:30:00Z");
        Assert.Equal(I("2026-01-12T23:30:00+07:00"), Calendar.AddWorkingDays(instant, 1, Wib));
        Assert.Equal(I("2026-01-12T01:30:00+09:00"), Calendar.AddWorkingDays(instant, 1, Wit));
        Assert.Equal(I("2026-01-12T00:30:00+08:00"), Calendar.AddWorkingDays(instant, 1, Wita));
    }

    [Fact]
    public void Counting_depends_on_the_time_zone()
    {
        // Thursday 23:30 WIB = Friday 00:30 WITA = Friday 01:30 WIT; to Friday 10:00 WIB
        var from = I("2026-01-08T16:30:00Z");
        var to = I("2026-01-09T03:00:00Z");
        Assert.Equal(1, Calendar.CountWorkingDays(from, to, Wib));
        Assert.Equal(0, Calendar.CountWorkingDays(from, to, Wita));
        Assert.Equal(0, Calendar.CountWorkingDays(from, to, Wit));
    }

    [Fact]
    public void A_holiday_in_one_zone_can_still_be_the_day_before_in_another()
    {
        // 2026-01-15T16:30Z: Thursday 23:30 WIB (working day), Friday 16 Jan 01:30 WIT (Isra Mikraj)
        var instant = I("2026-01-15T16:30:00Z");
        var wibDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Wib).DateTime);
        var witDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Wit).DateTime);
        Assert.True(Calendar.IsWorkingDay(wibDate));
        Assert.False(Calendar.IsWorkingDay(witDate));
        Assert.Equal("Isra Mikraj Nabi Muhammad SAW", Calendar.HolidayName(witDate));
    }

    [Fact]
    public void Explains_the_days_it_skipped()
    {
        var skipped = Calendar.NonWorkingDaysBetween(D("2026-03-17"), D("2026-03-25"));
        Assert.Equal(7, skipped.Count);
        Assert.Contains(skipped, s => s.Date == D("2026-03-19") && s.Reason.Contains("Nyepi"));
        Assert.Contains(skipped, s => s.Date == D("2026-03-21") && s.Reason.Contains("Idul Fitri"));
    }
}
