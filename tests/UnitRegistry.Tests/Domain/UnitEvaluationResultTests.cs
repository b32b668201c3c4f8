using Tinjau.UnitRegistry.Api.Domain;

namespace Tinjau.UnitRegistry.Tests.Domain;

public class UnitEvaluationResultTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_later_finalisation_of_the_period_replaces_the_result_and_an_earlier_one_arriving_late_does_not()
    {
        var result = UnitEvaluationResult.For(Guid.NewGuid(), 2026);
        Assert.True(result.Record(Guid.NewGuid(), false, 4.14m, "A-", "Sangat Baik", At));
        Assert.True(result.Record(Guid.NewGuid(), false, 4.30m, "A-", "Sangat Baik", At.AddDays(1)));
        Assert.False(result.Record(Guid.NewGuid(), false, 2.00m, "C-", "Cukup dengan catatan", At.AddDays(-1)));

        Assert.Equal(4.30m, result.Ipp);
        Assert.Equal(At.AddDays(1), result.FinalizedAt);
    }
}
