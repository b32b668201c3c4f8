using Tinjau.Evaluations.Api.Domain;

namespace Tinjau.Evaluations.Tests.Domain;

public class SkmTests
{
    private static int[] All(int v) => Enumerable.Repeat(v, 9).ToArray();

    [Fact]
    public void All_answers_4_give_100_and_all_1_give_25()
    {
        Assert.Equal(100.00m, SkmCalculator.Compute([All(4), All(4)], new SkmOptions()).Ikm);
        Assert.Equal(25.00m, SkmCalculator.Compute([All(1)], new SkmOptions()).Ikm);
        Assert.Equal("D", SkmCalculator.Compute([All(1)], new SkmOptions()).Category);
    }

    [Theory]
    [InlineData("100.00", "A")]
    [InlineData("88.31", "A")]
    [InlineData("88.30", "B")]
    [InlineData("76.61", "B")]
    [InlineData("76.60", "C")]
    [InlineData("65.00", "C")]
    [InlineData("64.99", "D")]
    [InlineData("25.00", "D")]
    public void Bands_follow_the_regulation_edges(string ikm, string band) =>
        Assert.Equal(band, SkmCalculator.Categorize(decimal.Parse(ikm, System.Globalization.CultureInfo.InvariantCulture), SkmOptions.DefaultBands).Code);

    /// <summary>
    /// Five respondents, 24 answers of 4 and 21 of 3: Σ NRR = 159 / 5 = 31.8.
    /// Exact 1/9: 31.8 × 25 / 9 = 88.333… → 88.33 (A). Weight 0.111: 31.8 × 0.111 × 25 = 88.245 → 88.25 (B).
    /// Weight 0.11: 87.45 (B).
    /// </summary>
    [Fact]
    public void Rounding_the_weight_to_0_111_moves_a_result_across_the_A_edge()
    {
        int[][] responses = [All(4), All(4), [4, 4, 4, 4, 4, 4, 3, 3, 3], All(3), All(3)];
        var exact = SkmCalculator.Compute(responses, new SkmOptions());
        var three = SkmCalculator.Compute(responses, new SkmOptions { WeightDecimals = 3 });
        var two = SkmCalculator.Compute(responses, new SkmOptions { WeightDecimals = 2 });
        Assert.Equal(88.33m, exact.Ikm);
        Assert.Equal("A", exact.Category);
        Assert.Equal(0.111m, three.ElementWeight);
        Assert.Equal(88.25m, three.Ikm);
        Assert.Equal("B", three.Category);
        Assert.Equal(87.45m, two.Ikm);
        Assert.Equal(3.6m, exact.Elements[0].Nrr); // 4, 4, 4, 3, 3
        Assert.Equal(3.4m, exact.Elements[8].Nrr); // 4, 4, 3, 3, 3
    }

    [Theory]
    [InlineData(100, 80)]
    [InlineData(1000, 278)]
    [InlineData(100000, 384)]
    [InlineData(1000000, 384)]
    [InlineData(101, 86)] // between rows: the next larger row (110 → 86)
    [InlineData(999, 278)]
    [InlineData(10, 10)]
    [InlineData(12, 12)] // next row says 14, capped at the population
    [InlineData(5, 5)]
    [InlineData(0, 0)]
    public void Krejcie_Morgan_lookups(int population, int sample) => Assert.Equal(sample, KrejcieMorgan.MinimumSample(population));

    [Fact]
    public void The_table_agrees_with_the_Krejcie_Morgan_formula_within_one()
    {
        foreach (var (n, s) in KrejcieMorgan.Table)
        {
            var formula = 3.841 * n * 0.25 / (0.0025 * (n - 1) + 3.841 * 0.25);
            Assert.True(Math.Abs(Math.Round(formula) - s) <= 1, $"N={n}: table {s}, formula {formula:0.0}");
        }
    }
}
