namespace Tinjau.Evaluations.Api.Domain;

public sealed record BeritaAcaraIndicator(string Code, string Name, int? SelfScore, int? EvaluatorScore, int? VerifierScore, int? FinalScore,
    string? EvaluatorNote, string? FieldObservation, string? VerifierReason);

/// <summary>Findings per component (aspect): its sub-score and the indicators with their notes.</summary>
public sealed record BeritaAcaraAspect(string Code, string Name, decimal Weight, decimal Score, IReadOnlyList<BeritaAcaraIndicator> Indicators);

public sealed record BeritaAcaraRecommendation(Guid Id, string? AspectCode, string Text, Guid OwnerUnitId, DateOnly DueOn);

/// <summary>
/// The berita acara as generated: a snapshot of the scores, findings per component, field observations,
/// recommendations and the index. Its SHA-256 (over the canonical JSON) is what signers accept; it never changes
/// after the first signature.
/// </summary>
public sealed record BeritaAcaraDocument(
    string Number,
    Guid EvaluationId,
    Guid UnitId,
    string UnitCode,
    string UnitName,
    int Year,
    bool Mandiri,
    string Instrument,
    DateTimeOffset GeneratedAt,
    decimal Ipp,
    string Category,
    string CategoryLabel,
    decimal InstrumentIpp,
    decimal? F03Score,
    int F03Respondents,
    bool F03Applied,
    decimal F03Share,
    IReadOnlyList<BeritaAcaraAspect> Aspects,
    IReadOnlyList<BeritaAcaraRecommendation> Recommendations,
    IReadOnlyList<TeamMember> Team,
    decimal? InstrumentIndex = null);
