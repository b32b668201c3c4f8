using Tinjau.UnitRegistry.Api.Domain;

namespace Tinjau.UnitRegistry.Tests.Domain;

public class UnitComplaintStatsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Open_is_what_was_routed_to_the_unit_less_what_it_handed_on_or_resolved()
    {
        var stats = UnitComplaintStats.For(Guid.NewGuid());
        stats.Receive(At);
        stats.Receive(At);
        stats.Receive(At);
        stats.HandOn(At);
        stats.Resolve(withinSla: true, At);

        Assert.Equal(1, stats.Open);
        Assert.Equal(1.0, stats.ShareResolvedWithinSla);
    }

    [Fact]
    public void A_resolved_complaint_that_is_reopened_is_open_again_until_it_is_resolved_once_more()
    {
        var stats = UnitComplaintStats.For(Guid.NewGuid());
        stats.Receive(At);
        stats.Resolve(withinSla: true, At);
        Assert.Equal(0, stats.Open);

        stats.Reopen(At.AddDays(2));
        Assert.Equal(1, stats.Open);

        stats.Resolve(withinSla: false, At.AddDays(4));
        Assert.Equal(0, stats.Open);
        Assert.Equal(2, stats.Resolved);
    }

    [Fact]
    public void Reopening_withdraws_the_resolution_within_SLA_and_the_rating()
    {
        var stats = UnitComplaintStats.For(Guid.NewGuid());
        stats.Receive(At);
        stats.Receive(At);
        stats.Resolve(withinSla: true, At);
        stats.Resolve(withinSla: true, At);
        stats.Rate(5, At);
        stats.Rate(1, At);

        stats.Reopen(At.AddDays(1));
        stats.WithdrawResolution(withinSla: true, rating: 1, At.AddDays(1));
        Assert.Equal(1, stats.Open);
        Assert.Equal(1, stats.StandingResolutions);
        Assert.Equal(1.0, stats.ShareResolvedWithinSla);
        Assert.Equal(5.0, stats.AverageRating);

        // Resolved again, late this time, and not rated yet.
        stats.Resolve(withinSla: false, At.AddDays(9));
        Assert.Equal(0.5, stats.ShareResolvedWithinSla);
        Assert.Equal(1, stats.Ratings);
    }

    [Fact]
    public void Share_within_SLA_and_average_rating_are_null_until_there_is_something_to_divide()
    {
        var stats = UnitComplaintStats.For(Guid.NewGuid());
        Assert.Null(stats.ShareResolvedWithinSla);
        Assert.Null(stats.AverageRating);

        stats.Resolve(withinSla: true, At);
        stats.Resolve(withinSla: false, At);
        stats.Resolve(withinSla: false, At);
        stats.Rate(5, At);
        stats.Rate(2, At);

        Assert.Equal(0.3333, stats.ShareResolvedWithinSla);
        Assert.Equal(3.5, stats.AverageRating);
        Assert.Equal(0, stats.Open);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void A_rating_outside_1_to_5_is_refused(int rating) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitComplaintStats.For(Guid.NewGuid()).Rate(rating, At));

    [Fact]
    public void UpdatedAt_keeps_the_latest_event_time_even_when_events_arrive_out_of_order()
    {
        var stats = UnitComplaintStats.For(Guid.NewGuid());
        stats.Receive(At.AddHours(2));
        stats.Breach(At);
        Assert.Equal(At.AddHours(2), stats.UpdatedAt);
    }
}
