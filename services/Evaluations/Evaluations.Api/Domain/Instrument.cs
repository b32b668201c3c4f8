namespace Tinjau.Evaluations.Api.Domain;

/// <summary>One level (0–5) of an indicator's rubric: what it means and the evidence that earns it.</summary>
public sealed record RubricLevel(int Score, string Description, string Evidence);

/// <summary>
/// An indicator of an aspect. <see cref="Weight"/> is its weight within the aspect (the weights of an aspect sum to 1).
/// <see cref="PlatformEvidence"/> names the platform data shown on the F02 view with a suggested score band:
/// <c>complaints</c>, <c>sidak-staff</c> or <c>sidak-facilities</c> (null: none).
/// </summary>
public sealed record IndicatorDefinition(
    string Code,
    string Name,
    decimal Weight,
    bool WeightIsDefaultToReview,
    string? PlatformEvidence,
    IReadOnlyList<RubricLevel> Rubric);

/// <summary>An aspect of the instrument with its weight in the index (the aspect weights sum to 1).</summary>
public sealed record AspectDefinition(string Code, string Name, decimal Weight, IReadOnlyList<IndicatorDefinition> Indicators);

/// <summary>A category band: an index at or above <see cref="MinScore"/> (after rounding to two decimals) and below the next band.</summary>
public sealed record CategoryBand(string Code, string Label, decimal MinScore);

/// <summary>A question of the F03 user questionnaire, answered 0–5.</summary>
public sealed record QuestionnaireItem(string Code, string Text);

/// <summary>
/// A version of an evaluation instrument (PEKPPP): aspects, indicators with rubrics, category bands and the F03
/// questionnaire. Instruments are data: a new version is a new row, and an evaluation keeps the version it started
/// with, so a new version never changes a finished evaluation.
/// </summary>
public sealed class Instrument
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public int Version { get; init; }
    public string Name { get; init; } = "";
    public string Source { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public List<AspectDefinition> Aspects { get; init; } = [];
    public List<CategoryBand> CategoryBands { get; init; } = [];
    public List<QuestionnaireItem> Questionnaire { get; init; } = [];

    public IEnumerable<IndicatorDefinition> Indicators => Aspects.SelectMany(a => a.Indicators);

    public IndicatorDefinition? FindIndicator(string code) =>
        Indicators.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase));

    public AspectDefinition AspectOf(string indicatorCode) =>
        Aspects.First(a => a.Indicators.Any(i => string.Equals(i.Code, indicatorCode, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Problems that make the definition unusable (empty means valid). Weights must sum to 1 within 0.0001.</summary>
    public static List<(string Field, string Message)> Validate(IReadOnlyList<AspectDefinition> aspects, IReadOnlyList<CategoryBand> bands,
        IReadOnlyList<QuestionnaireItem> questionnaire)
    {
        var errors = new List<(string, string)>();
        const decimal tolerance = 0.0001m;
        if (aspects.Count == 0)
        {
            errors.Add(("aspects", "An instrument needs at least one aspect."));
        }
        else if (Math.Abs(aspects.Sum(a => a.Weight) - 1m) > tolerance)
        {
            errors.Add(("aspects", $"The aspect weights must sum to 1 (they sum to {aspects.Sum(a => a.Weight)})."));
        }
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < aspects.Count; i++)
        {
            var a = aspects[i];
            if (string.IsNullOrWhiteSpace(a.Code) || !codes.Add(a.Code))
            {
                errors.Add(($"aspects[{i}].code", "Each aspect needs a unique code."));
            }
            if (a.Weight is <= 0 or > 1)
            {
                errors.Add(($"aspects[{i}].weight", "An aspect weight lies in (0, 1]."));
            }
            if (a.Indicators.Count == 0)
            {
                errors.Add(($"aspects[{i}].indicators", "An aspect needs at least one indicator."));
                continue;
            }
            if (Math.Abs(a.Indicators.Sum(x => x.Weight) - 1m) > tolerance)
            {
                errors.Add(($"aspects[{i}].indicators", $"The indicator weights of aspect {a.Code} must sum to 1."));
            }
            for (var j = 0; j < a.Indicators.Count; j++)
            {
                var ind = a.Indicators[j];
                if (string.IsNullOrWhiteSpace(ind.Code) || !codes.Add(ind.Code))
                {
                    errors.Add(($"aspects[{i}].indicators[{j}].code", "Each indicator needs a code unique in the instrument."));
                }
                if (ind.Weight is <= 0 or > 1)
                {
                    errors.Add(($"aspects[{i}].indicators[{j}].weight", "An indicator weight lies in (0, 1]."));
                }
                if (ind.Rubric.Count != 6 || !ind.Rubric.Select(r => r.Score).Order().SequenceEqual(Enumerable.Range(0, 6)))
                {
                    errors.Add(($"aspects[{i}].indicators[{j}].rubric", "The rubric describes each level 0–5 exactly once."));
                }
                if (ind.PlatformEvidence is not null && !PlatformEvidenceKinds.All.Contains(ind.PlatformEvidence))
                {
                    errors.Add(($"aspects[{i}].indicators[{j}].platformEvidence", $"One of: {string.Join(", ", PlatformEvidenceKinds.All)}."));
                }
            }
        }
        if (bands.Count == 0 || !bands.Any(b => b.MinScore == 0m))
        {
            errors.Add(("categoryBands", "The category bands must cover 0.00 (one band with minScore 0)."));
        }
        if (bands.Select(b => b.MinScore).Distinct().Count() != bands.Count)
        {
            errors.Add(("categoryBands", "Two bands cannot start at the same score."));
        }
        if (questionnaire.Count == 0 || questionnaire.Select(q => q.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count() != questionnaire.Count)
        {
            errors.Add(("questionnaire", "The F03 questionnaire needs at least one item, with unique codes."));
        }
        return errors;
    }
}

public static class PlatformEvidenceKinds
{
    public const string Complaints = "complaints";
    public const string SidakStaff = "sidak-staff";
    public const string SidakFacilities = "sidak-facilities";
    public static readonly IReadOnlyList<string> All = [Complaints, SidakStaff, SidakFacilities];
}
