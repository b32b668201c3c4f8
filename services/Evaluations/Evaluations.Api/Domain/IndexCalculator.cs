namespace Tinjau.Evaluations.Api.Domain;

public sealed record AspectResult(string Code, string Name, decimal Weight, decimal Score, decimal Contribution, int Scored, int Indicators);

public sealed record CategoryResult(string Code, string Label);

/// <summary>
/// The index of one evaluation. Each aspect's <see cref="AspectResult.Contribution"/> (aspect weight × Σ indicator
/// weight × final score, final score = verifier ?? evaluator) carries four decimals; <see cref="InstrumentIndex"/> is
/// their sum and <see cref="InstrumentIpp"/> that sum rounded to two decimals. <see cref="Ipp"/> is the final figure:
/// when F03 is applied, (1 − share) × <see cref="InstrumentIndex"/> + share × <see cref="F03Score"/> (four decimals),
/// rounded once to two decimals; otherwise <see cref="InstrumentIpp"/>. So the figures shown reproduce each other.
/// The category is that of <see cref="Ipp"/>.
/// </summary>
public sealed record IndexResult(
    decimal Ipp,
    CategoryResult Category,
    decimal InstrumentIpp,
    IReadOnlyList<AspectResult> Aspects,
    bool Complete,
    int MissingScores,
    decimal? F03Score,
    int F03Respondents,
    bool F03Applied,
    decimal F03Share,
    string F03Rule,
    decimal InstrumentIndex);

/// <summary>The F03 questionnaire as it enters the index: mean of respondents' mean item scores (0–5).</summary>
public sealed record F03Summary(int Respondents, decimal? Score);

public static class IndexCalculator
{
    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>The precision the parts of a figure carry, so that they reproduce the figure rounded once.</summary>
    public static decimal Round4(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The instrument index from per-indicator scores: the sum of the aspects' contributions at four decimals (missing
    /// scores count as 0 and are reported).
    /// </summary>
    public static (decimal Value, IReadOnlyList<AspectResult> Aspects, int Missing) InstrumentIndex(Instrument instrument,
        IReadOnlyDictionary<string, int?> finalScores)
    {
        decimal total = 0;
        var missing = 0;
        var aspects = new List<AspectResult>();
        foreach (var aspect in instrument.Aspects)
        {
            decimal sub = 0;
            var scored = 0;
            foreach (var indicator in aspect.Indicators)
            {
                if (finalScores.TryGetValue(indicator.Code, out var s) && s is { } score)
                {
                    sub += indicator.Weight * score;
                    scored++;
                }
                else
                {
                    missing++;
                }
            }
            var contribution = Round4(aspect.Weight * sub);
            total += contribution;
            aspects.Add(new AspectResult(aspect.Code, aspect.Name, aspect.Weight, Round2(sub), contribution, scored, aspect.Indicators.Count));
        }
        return (total, aspects, missing);
    }

    public static IndexResult Compute(Instrument instrument, IReadOnlyDictionary<string, int?> finalScores, F03Summary f03, F03Options options)
    {
        var (value, aspects, missing) = InstrumentIndex(instrument, finalScores);
        var applied = options.Share > 0 && f03.Score is not null && f03.Respondents >= options.MinimumRespondents;
        decimal? f03Score = f03.Score is { } s ? Round4(s) : null;
        var final = applied ? (1 - options.Share) * value + options.Share * f03Score!.Value : value;
        var ipp = Round2(final);
        return new IndexResult(ipp, Categorize(ipp, instrument.CategoryBands), Round2(value), aspects, missing == 0, missing,
            f03Score, f03.Respondents, applied, applied ? options.Share : 0m, options.Rule, value);
    }

    /// <summary>The band whose minimum is the highest one at or below the index rounded to two decimals.</summary>
    public static CategoryResult Categorize(decimal ipp, IReadOnlyList<CategoryBand> bands)
    {
        var rounded = Round2(ipp);
        var band = bands.Where(b => b.MinScore <= rounded).OrderByDescending(b => b.MinScore).FirstOrDefault()
                   ?? bands.OrderBy(b => b.MinScore).First();
        return new CategoryResult(band.Code, band.Label);
    }

    /// <summary>Mean over respondents of each respondent's mean item score; null without respondents.</summary>
    public static F03Summary SummarizeF03(IEnumerable<IReadOnlyDictionary<string, int>> responses)
    {
        var means = responses.Where(r => r.Count > 0).Select(r => (decimal)r.Values.Sum() / r.Count).ToList();
        return new F03Summary(means.Count, means.Count == 0 ? null : means.Sum() / means.Count);
    }
}

/// <summary>
/// How the F03 user questionnaire enters the final figure (configuration <c>Evaluations:F03</c>).
/// Default: share 0.10 once at least 10 respondents answered; with fewer the final figure is the instrument index.
/// </summary>
public sealed class F03Options
{
    public const string Section = "Evaluations:F03";

    /// <summary>Share of the F03 score in the final figure, 0–0.5 (default 0.10, a default to review).</summary>
    public decimal Share { get; set; } = 0.10m;

    /// <summary>Respondents needed before F03 is applied (default 10; DOMAIN: 10–20 per unit).</summary>
    public int MinimumRespondents { get; set; } = 10;

    /// <summary>Most invitation tokens made by one request (default 50).</summary>
    public int MaxInvitationsPerRequest { get; set; } = 50;

    public string Rule => FormattableString.Invariant(
        $"final = (1 - {Share}) × instrument index + {Share} × F03 score (mean of respondents' mean 0–5 answers), both at four decimals, rounded once to two decimals, when at least {MinimumRespondents} respondents answered; otherwise final = instrument index.");
}
