namespace Tinjau.Evaluations.Contracts;

// Integration events published by Evaluations through its outbox. Versioned by adding fields, never by changing
// meaning. They carry no personal data: no evaluator names, no F03 or SKM answers, only identifiers, periods and figures.
// Period is the evaluation year (PEKPPP is yearly). Scores are on the 0–5 scale of the instrument, rounded to two decimals.
// Category is the band code of the instrument version (A, A-, B, B-, C, C-, D, E, F by default).

/// <summary>The unit submitted its F01 self-assessment (again after a return for revision: Resubmission is true).</summary>
public sealed record EvaluationSubmitted(
    Guid EvaluationId,
    Guid CycleId,
    Guid UnitId,
    int Period,
    bool Mandiri,
    string InstrumentCode,
    int InstrumentVersion,
    decimal SelfAssessedIpp,
    bool Resubmission,
    DateTimeOffset OccurredAt);

/// <summary>A per-aspect sub-score (0–5) of a finalized evaluation and the aspect's weight in the index.</summary>
public sealed record AspectSubScore(string AspectCode, decimal Weight, decimal Score);

/// <summary>
/// The berita acara of an evaluation received its last signature: the result is final and public.
/// <see cref="Ipp"/> is the final figure (instrument index blended with F03 when applied), <see cref="InstrumentIpp"/> the
/// index of the F02/verifier scores alone.
/// </summary>
public sealed record EvaluationFinalized(
    Guid EvaluationId,
    Guid CycleId,
    Guid UnitId,
    int Period,
    bool Mandiri,
    string InstrumentCode,
    int InstrumentVersion,
    decimal Ipp,
    string Category,
    string CategoryLabel,
    decimal InstrumentIpp,
    decimal? F03Score,
    decimal F03Share,
    IReadOnlyList<AspectSubScore> Aspects,
    string BeritaAcaraSha256,
    DateTimeOffset OccurredAt);

/// <summary>A recommendation passed its due date without being done; published once per recommendation.</summary>
public sealed record RecommendationOverdue(
    Guid RecommendationId,
    Guid EvaluationId,
    Guid OwnerUnitId,
    Guid EvaluatedUnitId,
    int Period,
    DateOnly DueOn,
    DateTimeOffset OccurredAt);
