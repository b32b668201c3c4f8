using Tinjau.Evaluations.Api.Domain;

namespace Tinjau.Evaluations.Tests.Domain;

public class IndexTests
{
    private static readonly Instrument V1 = PekpppInstrumentV1.Create(DateTimeOffset.UnixEpoch);
    private static readonly F03Options F03 = new();

    private static Dictionary<string, int?> Scores(Func<IndicatorDefinition, AspectDefinition, int?> score) =>
        V1.Aspects.SelectMany(a => a.Indicators.Select(i => (i.Code, Score: score(i, a)))).ToDictionary(x => x.Code, x => x.Score);

    [Fact]
    public void Version_1_has_the_regulation_aspect_weights_summing_to_1_and_30_indicators()
    {
        Assert.Equal([0.24m, 0.25m, 0.18m, 0.11m, 0.10m, 0.12m], V1.Aspects.Select(a => a.Weight));
        Assert.Equal(1m, V1.Aspects.Sum(a => a.Weight));
        Assert.All(V1.Aspects, a => Assert.Equal(1m, a.Indicators.Sum(i => i.Weight)));
        Assert.Equal(30, V1.Indicators.Count());
        Assert.All(V1.Indicators, i => Assert.True(i.WeightIsDefaultToReview));
        Assert.Empty(Instrument.Validate(V1.Aspects, V1.CategoryBands, V1.Questionnaire));
    }

    [Fact]
    public void Validation_rejects_weights_that_do_not_sum_to_1()
    {
        var broken = V1.Aspects.Select((a, i) => i == 0 ? a with { Weight = 0.30m } : a).ToList();
        Assert.Contains(Instrument.Validate(broken, V1.CategoryBands, V1.Questionnaire), e => e.Field == "aspects");
    }

    [Theory]
    [InlineData("5.00", "A")]
    [InlineData("4.51", "A")]
    [InlineData("4.50", "A-")]
    [InlineData("4.01", "A-")]
    [InlineData("4.00", "B")]
    [InlineData("3.51", "B")]
    [InlineData("3.50", "B-")]
    [InlineData("3.01", "B-")]
    [InlineData("3.00", "C")]
    [InlineData("2.51", "C")]
    [InlineData("2.50", "C-")]
    [InlineData("2.01", "C-")]
    [InlineData("2.00", "D")]
    [InlineData("1.51", "D")]
    [InlineData("1.50", "E")]
    [InlineData("1.01", "E")]
    [InlineData("1.00", "F")]
    [InlineData("0.00", "F")]
    [InlineData("4.505", "A")] // rounded to two decimals first (4.51)
    [InlineData("4.504", "A-")]
    public void Category_bands_follow_the_domain_edges(string ipp, string category) =>
        Assert.Equal(category, IndexCalculator.Categorize(decimal.Parse(ipp, System.Globalization.CultureInfo.InvariantCulture), V1.CategoryBands).Code);

    [Fact]
    public void All_fives_give_5_00_and_all_zeros_0_00()
    {
        Assert.Equal(5.00m, IndexCalculator.Compute(V1, Scores((_, _) => 5), new F03Summary(0, null), F03).Ipp);
        var zero = IndexCalculator.Compute(V1, Scores((_, _) => 0), new F03Summary(0, null), F03);
        Assert.Equal(0.00m, zero.Ipp);
        Assert.Equal("F", zero.Category.Code);
    }

    [Fact]
    public void Only_the_policy_aspect_at_5_gives_its_weight_times_5()
    {
        var r = IndexCalculator.Compute(V1, Scores((_, a) => a.Code == "kebijakan" ? 5 : 0), new F03Summary(0, null), F03);
        Assert.Equal(1.20m, r.Ipp); // 0.24 × 5
        Assert.Equal("E", r.Category.Code);
    }

    /// <summary>
    /// kebijakan K1..K5 = 5,4,3,2,1 → 0.2 × 15 = 3.00 → × 0.24 = 0.72; profesionalisme 4 → 1.00; sarana 3 → 0.54;
    /// sistem-informasi 5 → 0.55; konsultasi 2 → 0.20; inovasi 1 → 0.12; IPP = 3.13 (B-).
    /// </summary>
    [Fact]
    public void A_mixed_case_computed_by_hand()
    {
        var policy = new Dictionary<string, int> { ["K1"] = 5, ["K2"] = 4, ["K3"] = 3, ["K4"] = 2, ["K5"] = 1 };
        var byAspect = new Dictionary<string, int>
        {
            ["profesionalisme"] = 4,
            ["sarana-prasarana"] = 3,
            ["sistem-informasi"] = 5,
            ["konsultasi-pengaduan"] = 2,
            ["inovasi"] = 1,
        };
        var scores = Scores((i, a) => a.Code == "kebijakan" ? policy[i.Code] : byAspect[a.Code]);
        var r = IndexCalculator.Compute(V1, scores, new F03Summary(0, null), F03);
        Assert.Equal(3.13m, r.Ipp);
        Assert.Equal(3.13m, r.InstrumentIpp);
        Assert.Equal("B-", r.Category.Code);
        Assert.Equal(3.00m, r.Aspects.Single(a => a.Code == "kebijakan").Score);
        Assert.Equal(0.72m, r.Aspects.Single(a => a.Code == "kebijakan").Contribution);
        Assert.True(r.Complete);

        // F03 4.0 from 10 respondents at the default share 0.10: 0.9 × 3.13 + 0.1 × 4.0 = 3.217 → 3.22
        var withF03 = IndexCalculator.Compute(V1, scores, new F03Summary(10, 4.0m), F03);
        Assert.True(withF03.F03Applied);
        Assert.Equal(3.22m, withF03.Ipp);
        Assert.Equal(3.13m, withF03.InstrumentIpp);

        // 9 respondents are fewer than the minimum: F03 is not applied
        var tooFew = IndexCalculator.Compute(V1, scores, new F03Summary(9, 4.0m), F03);
        Assert.False(tooFew.F03Applied);
        Assert.Equal(3.13m, tooFew.Ipp);
    }

    [Fact]
    public void The_figures_shown_reproduce_each_other_aspect_contributions_sum_to_the_IPP_and_the_parts_give_the_final_figure()
    {
        var random = new Random(2026);
        for (var run = 0; run < 300; run++)
        {
            var scores = Scores((_, _) => random.Next(0, 6));
            var f03 = new F03Summary(10 + random.Next(0, 10), random.Next(100, 500) / 100m + random.Next(0, 3) / 3m);
            var r = IndexCalculator.Compute(V1, scores, f03, F03);
            Assert.Equal(r.InstrumentIndex, r.Aspects.Sum(a => a.Contribution));
            Assert.Equal(r.InstrumentIpp, IndexCalculator.Round2(r.Aspects.Sum(a => a.Contribution)));
            Assert.True(r.F03Applied);
            Assert.Equal(r.Ipp, IndexCalculator.Round2((1 - r.F03Share) * r.InstrumentIndex + r.F03Share * r.F03Score!.Value));
            var without = IndexCalculator.Compute(V1, scores, new F03Summary(0, null), F03);
            Assert.Equal(without.Ipp, IndexCalculator.Round2(without.Aspects.Sum(a => a.Contribution)));
        }
    }

    [Fact]
    public void Missing_scores_count_as_zero_and_are_reported()
    {
        var r = IndexCalculator.Compute(V1, Scores((i, _) => i.Code == "K1" ? null : 5), new F03Summary(0, null), F03);
        Assert.False(r.Complete);
        Assert.Equal(1, r.MissingScores);
        Assert.Equal(4.76m, r.Ipp); // 5 − 0.24 × 0.2 × 5
    }

    [Fact]
    public void F03_score_is_the_mean_of_respondent_means()
    {
        var s = IndexCalculator.SummarizeF03([
            new Dictionary<string, int> { ["Q1"] = 5, ["Q2"] = 3 },
            new Dictionary<string, int> { ["Q1"] = 2, ["Q2"] = 2 },
        ]);
        Assert.Equal(2, s.Respondents);
        Assert.Equal(3m, s.Score);
    }
}
