using Tinjau.UnitRegistry.Api.Data;
using Tinjau.UnitRegistry.Api.Domain;
using Tinjau.UnitRegistry.Contracts;

namespace Tinjau.UnitRegistry.Tests.Domain;

public class CompletedCalendarTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd");

    private static readonly List<Holiday> Seeded = UnitRegistrySeed.Holidays
        .Select(h => Holiday.Create(Guid.NewGuid(), D(h.Date), h.Name, h.Kind, needsReview: true)).ToList();

    [Fact]
    public void A_deadline_across_New_Year_skips_1_January_of_a_year_without_SKB_data()
    {
        var completed = CompletedCalendar.Build(Seeded, 2026, 2027);
        // Thursday 31 December 2026 + 1 working day: Friday 1 January 2027 is Tahun Baru, then the weekend.
        Assert.Equal(D("2027-01-04"), completed.Calendar.AddWorkingDays(D("2026-12-31"), 1));
        Assert.NotNull(completed.Warning(D("2026-12-31"), D("2027-01-04")));
        Assert.Null(completed.Warning(D("2026-03-01"), D("2026-03-31")));
    }

    [Theory]
    [InlineData(2027)]
    [InlineData(2031)]
    [InlineData(2045)]
    public void Fixed_date_national_holidays_hold_every_year_without_data_entry(int year)
    {
        var completed = CompletedCalendar.Build([], year, year);
        foreach (var (month, day) in new[] { (1, 1), (5, 1), (6, 1), (8, 17), (12, 25) })
        {
            var date = new DateOnly(year, month, day);
            Assert.Contains(completed.Days, d => d.Date == date && d.Source == CompletedCalendar.FixedDate && !d.NeedsReview);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                Assert.False(completed.Calendar.IsWorkingDay(date));
            }
        }
    }

    [Fact]
    public void Islamic_holidays_of_a_year_without_SKB_are_estimated_from_Umm_al_Qura_and_marked_for_review()
    {
        var completed = CompletedCalendar.Build(Seeded, 2027, 2027);
        var estimates = completed.Days.Where(d => d.Estimated).ToList();
        Assert.All(estimates, e => Assert.True(e.NeedsReview));
        // 1 Syawal 1448 in Umm al-Qura: Tuesday 9 March 2027; 10 Dzulhijjah 1448: Sunday 16 May 2027.
        Assert.Contains(estimates, e => e.Date == D("2027-03-09") && e.Name.StartsWith("Hari Raya Idul Fitri", StringComparison.Ordinal));
        Assert.Contains(estimates, e => e.Date == D("2027-05-16") && e.Name.StartsWith("Hari Raya Idul Adha", StringComparison.Ordinal));
        // Six: 27 Rajab 1449 falls on 25 December 2027, already Natal.
        Assert.Equal(6, estimates.Count);
        Assert.True(completed.UsedEstimate(D("2027-03-08"), D("2027-03-11")));
        Assert.False(completed.Calendar.IsWorkingDay(D("2027-03-10")));

        // Where the SKB is loaded nothing is estimated: 2026 keeps its entered dates only.
        var loaded = CompletedCalendar.Build(Seeded, 2026, 2026);
        Assert.DoesNotContain(loaded.Days, d => d.Estimated);
        Assert.False(loaded.UsedEstimate(D("2026-01-01"), D("2026-12-31")));
    }

    [Fact]
    public void Estimates_cover_every_Islamic_holiday_once_even_when_two_Hijri_years_meet_in_one_Gregorian_year()
    {
        for (var year = 2027; year <= 2040; year++)
        {
            var estimates = NationalCalendar.EstimatedIslamic(year);
            Assert.Equal(estimates.Count, estimates.Select(e => e.Date).Distinct().Count());
            Assert.InRange(estimates.Count, 6, 8);
            Assert.All(estimates, e => Assert.Equal(year, e.Date.Year));
        }
    }
}
