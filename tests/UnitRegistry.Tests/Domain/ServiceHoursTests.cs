using Tinjau.UnitRegistry.Api.Data;
using Tinjau.UnitRegistry.Api.Domain;
using Tinjau.UnitRegistry.Contracts;

namespace Tinjau.UnitRegistry.Tests.Domain;

public class ServiceHoursTests
{
    private static readonly WorkingDayCalendar Calendar = new(UnitRegistrySeed.Holidays.Select(h => (DateOnly.Parse(h.Date), h.Name)));
    private static readonly TimeZoneInfo Wib = IndonesianTimeZones.Find(IndonesianTimeZones.Wib);
    private static readonly TimeZoneInfo Wita = IndonesianTimeZones.Find(IndonesianTimeZones.Wita);
    private static readonly TimeZoneInfo Wit = IndonesianTimeZones.Find(IndonesianTimeZones.Wit);
    private static readonly ServiceHours Office = ServiceHours.JakartaOffice([UnitRegistrySeed.Ramadan2026()]);

    private static DateTimeOffset I(string s) => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static bool OpenAt(ServiceHours hours, string instant, TimeZoneInfo? zone = null) =>
        hours.Check(I(instant), zone ?? Wib, Calendar.HolidayName).IsOpen;

    [Theory]
    [InlineData("2026-01-12T08:00:00+07:00", true)] // opens at 08:00 sharp
    [InlineData("2026-01-12T07:59:59+07:00", false)]
    [InlineData("2026-01-12T12:00:00+07:00", true)]
    [InlineData("2026-01-12T15:59:59+07:00", true)]
    [InlineData("2026-01-12T16:00:00+07:00", false)] // closes at 16:00 (exclusive)
    [InlineData("2026-01-09T10:00:00+07:00", true)] // Friday
    [InlineData("2026-01-10T10:00:00+07:00", false)] // Saturday
    [InlineData("2026-01-11T10:00:00+07:00", false)] // Sunday
    public void Jakarta_office_hours_are_monday_to_friday_8_to_16(string at, bool open) => Assert.Equal(open, OpenAt(Office, at));

    [Fact]
    public void The_instant_is_read_in_the_units_time_zone()
    {
        // 08:30Z is 15:30 WIB (open), 16:30 WITA and 17:30 WIT (closed)
        Assert.True(OpenAt(Office, "2026-01-12T08:30:00Z", Wib));
        Assert.False(OpenAt(Office, "2026-01-12T08:30:00Z", Wita));
        Assert.False(OpenAt(Office, "2026-01-12T08:30:00Z", Wit));
        // 00:30Z is 07:30 WIB (closed), 08:30 WITA and 09:30 WIT (open)
        Assert.False(OpenAt(Office, "2026-01-12T00:30:00Z", Wib));
        Assert.True(OpenAt(Office, "2026-01-12T00:30:00Z", Wita));
        Assert.True(OpenAt(Office, "2026-01-12T00:30:00Z", Wit));
    }

    [Fact]
    public void The_local_time_is_reported()
    {
        var check = Office.Check(I("2026-01-12T01:00:00Z"), Wit, Calendar.HolidayName);
        Assert.Equal(new DateTime(2026, 1, 12, 10, 0, 0), check.LocalTime);
    }

    [Theory]
    [InlineData("2026-01-16T10:00:00+07:00")] // Isra Mikraj
    [InlineData("2026-08-17T10:00:00+07:00")] // Kemerdekaan
    [InlineData("2026-03-24T10:00:00+07:00")] // cuti bersama Idul Fitri
    public void Offices_are_closed_on_holidays_and_cuti_bersama(string at)
    {
        var check = Office.Check(I(at), Wib, Calendar.HolidayName);
        Assert.False(check.IsOpen);
        Assert.Equal(ScheduleSource.Holiday, check.Day.Source);
    }

    [Theory]
    [InlineData("2026-03-02T14:59:00+07:00", true)] // Monday in Ramadan: until 15:00
    [InlineData("2026-03-02T15:00:00+07:00", false)]
    [InlineData("2026-03-02T15:30:00+07:00", false)] // open on a normal Monday, closed in Ramadan
    [InlineData("2026-03-06T15:15:00+07:00", true)] // Friday in Ramadan: until 15:30
    [InlineData("2026-03-06T15:30:00+07:00", false)]
    [InlineData("2026-03-07T10:00:00+07:00", false)] // Saturday in Ramadan stays closed
    [InlineData("2026-02-18T15:30:00+07:00", false)] // first day of the exception
    [InlineData("2026-02-17T10:00:00+07:00", false)] // Imlek, before Ramadan
    [InlineData("2026-02-16T15:30:00+07:00", false)] // cuti bersama Imlek
    [InlineData("2026-02-13T15:30:00+07:00", true)] // the Friday before Ramadan: normal hours
    [InlineData("2026-03-30T15:30:00+07:00", true)] // after Ramadan and Lebaran: normal hours again
    public void Ramadan_hours_replace_the_weekly_hours_in_their_dates(string at, bool open) => Assert.Equal(open, OpenAt(Office, at));

    [Fact]
    public void A_holiday_inside_Ramadan_still_closes_the_office()
    {
        var check = Office.Check(I("2026-03-19T10:00:00+07:00"), Wib, Calendar.HolidayName); // Nyepi
        Assert.False(check.IsOpen);
        Assert.Equal(ScheduleSource.Holiday, check.Day.Source);
    }

    [Fact]
    public void Ramadan_source_and_reason_are_reported()
    {
        var check = Office.Check(I("2026-03-02T10:00:00+07:00"), Wib, Calendar.HolidayName);
        Assert.True(check.IsOpen);
        Assert.Equal(ScheduleSource.Exception, check.Day.Source);
        Assert.Equal("Ramadan 1447 H", check.Day.Reason);
        Assert.Equal("08:00-15:00", check.Day.Schedule.ToString());
    }

    [Theory]
    [InlineData("2026-01-11T03:00:00+07:00")] // Sunday night
    [InlineData("2026-01-16T23:59:59+07:00")] // holiday
    [InlineData("2026-03-21T00:00:00+07:00")] // Idul Fitri
    [InlineData("2026-01-12T12:00:00+07:00")]
    public void A_24_hour_unit_is_always_open(string at) => Assert.True(OpenAt(ServiceHours.AroundTheClock(), at));

    [Fact]
    public void A_24_hour_unit_can_still_be_closed_by_a_dated_closure()
    {
        var hours = new ServiceHours(ServiceHours.AroundTheClock().Weekly,
            [ServiceHoursException.ClosedOn(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1), "Renovasi")], openOnHolidays: true);
        Assert.False(OpenAt(hours, "2026-06-01T12:00:00+07:00"));
        Assert.True(OpenAt(hours, "2026-06-02T00:00:00+07:00"));
    }

    [Fact]
    public void A_closure_exception_closes_a_normal_weekday()
    {
        var hours = ServiceHours.JakartaOffice([ServiceHoursException.ClosedOn(new DateOnly(2026, 1, 13), new DateOnly(2026, 1, 14), "Pindah kantor")]);
        Assert.False(OpenAt(hours, "2026-01-13T10:00:00+07:00"));
        Assert.False(OpenAt(hours, "2026-01-14T10:00:00+07:00"));
        Assert.True(OpenAt(hours, "2026-01-15T10:00:00+07:00"));
        var check = hours.Check(I("2026-01-13T10:00:00+07:00"), Wib, Calendar.HolidayName);
        Assert.Equal("Pindah kantor", check.Day.Reason);
    }

    [Fact]
    public void The_shortest_hours_exception_wins_when_several_cover_a_date()
    {
        var special = new ServiceHoursException(new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3), "Layanan malam", false,
            new Dictionary<DayOfWeek, DaySchedule> { [DayOfWeek.Tuesday] = DaySchedule.Hours(TimeRange.Parse("18:00", "22:00")) });
        var hours = ServiceHours.JakartaOffice([UnitRegistrySeed.Ramadan2026(), special]);
        Assert.True(OpenAt(hours, "2026-03-03T19:00:00+07:00"));
        Assert.False(OpenAt(hours, "2026-03-03T10:00:00+07:00"));
        Assert.True(OpenAt(hours, "2026-03-04T10:00:00+07:00")); // Ramadan again
    }

    [Fact]
    public void A_day_can_have_a_break()
    {
        var hours = new ServiceHours(new Dictionary<DayOfWeek, DaySchedule>
        {
            [DayOfWeek.Saturday] = DaySchedule.Hours(TimeRange.Parse("08:00", "12:00"), TimeRange.Parse("13:00", "15:00")),
        }, [], openOnHolidays: false);
        Assert.True(OpenAt(hours, "2026-01-10T11:59:00+07:00"));
        Assert.False(OpenAt(hours, "2026-01-10T12:30:00+07:00"));
        Assert.True(OpenAt(hours, "2026-01-10T13:00:00+07:00"));
        Assert.False(OpenAt(hours, "2026-01-12T10:00:00+07:00")); // Monday not listed: closed
    }

    [Fact]
    public void An_evening_shift_can_close_at_midnight()
    {
        var hours = new ServiceHours(new Dictionary<DayOfWeek, DaySchedule>
        {
            [DayOfWeek.Monday] = DaySchedule.Hours(TimeRange.Parse("16:00", "24:00")),
        }, [], openOnHolidays: true);
        Assert.True(OpenAt(hours, "2026-01-12T23:59:59+07:00"));
        Assert.False(OpenAt(hours, "2026-01-13T00:00:00+07:00"));
        Assert.Equal("24:00", TimeRange.Format(hours.Weekly[DayOfWeek.Monday].Ranges[0].Closes));
    }

    [Fact]
    public void Open_on_holidays_keeps_weekly_hours_on_holidays()
    {
        var hours = new ServiceHours(ServiceHours.JakartaOffice().Weekly, [], openOnHolidays: true);
        Assert.True(OpenAt(hours, "2026-01-16T10:00:00+07:00"));
    }

    [Theory]
    [InlineData("16:00", "08:00")]
    [InlineData("08:00", "08:00")]
    public void A_range_must_close_after_it_opens(string opens, string closes) =>
        Assert.Throws<ArgumentException>(() => TimeRange.Parse(opens, closes));

    [Theory]
    [InlineData("8am")]
    [InlineData("25:00")]
    [InlineData("")]
    public void Times_must_be_hh_mm(string value) => Assert.Throws<FormatException>(() => TimeRange.ParseTime(value));

    [Fact]
    public void Ranges_of_one_day_must_not_overlap() =>
        Assert.Throws<ArgumentException>(() => DaySchedule.Hours(TimeRange.Parse("08:00", "12:00"), TimeRange.Parse("11:00", "15:00")));

    [Fact]
    public void An_exception_must_not_end_before_it_starts() =>
        Assert.Throws<ArgumentException>(() => ServiceHoursException.ClosedOn(new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 1), "x"));

    [Fact]
    public void An_hours_exception_needs_hours() =>
        Assert.Throws<ArgumentException>(() => new ServiceHoursException(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 2), "x", false, null));

    [Fact]
    public void Service_hours_survive_a_json_round_trip()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Office, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        var back = System.Text.Json.JsonSerializer.Deserialize<ServiceHours>(json, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(back, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)));
        Assert.False(OpenAt(back, "2026-03-02T15:30:00+07:00"));
        Assert.True(OpenAt(back, "2026-03-30T15:30:00+07:00"));
    }
}
