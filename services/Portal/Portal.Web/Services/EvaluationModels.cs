namespace Tinjau.Portal.Web.Services;

// The evaluations service's PEKPPP JSON, as much of it as the evaluators' desk shows (see the README's Evaluations table).

public sealed record TeamMember(string SubjectId, string Name, string Role);

public sealed record Signature(string As, string SubjectId, string Name, string DocumentSha256, DateTimeOffset SignedAt);

public sealed record EvaluationSummary(Guid Id, Guid CycleId, Guid UnitId, string UnitCode, string UnitName, int Year, bool Mandiri, string Status,
    IReadOnlyList<TeamMember> Team, string? ReturnReason, int Submissions, DateTimeOffset? SubmittedAt, string? BeritaAcaraSha256,
    IReadOnlyList<Signature> Signatures, decimal? FinalIpp, string? FinalCategory, string? FinalCategoryLabel, DateTimeOffset? FinalizedAt);

/// <summary>An evaluator a team can name: their id is the subject of their tokens.</summary>
public sealed record EvaluatorEntry(Guid Id, string DisplayName);

public sealed record CycleView(Guid Id, int Year, string Name, bool Mandiri, string Instrument, IReadOnlyList<EvaluationSummary> Units);

public sealed record RubricLevel(int Score, string Description, string Evidence);

public sealed record EvidenceLink(string Url, string? Title);

public sealed record DocumentInfo(Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt);

public sealed record SuggestedBand(string Basis, decimal Share, int Min, int Max, string Rule);

public sealed record SuggestionDecision(string Basis, int SuggestedMin, int SuggestedMax, int Score, string Decision, DateTimeOffset At);

public sealed record F02Indicator(string Code, string Name, decimal Weight, IReadOnlyList<RubricLevel> Rubric, int? SelfScore, string? SelfNote,
    IReadOnlyList<EvidenceLink> Links, IReadOnlyList<DocumentInfo> Documents, int? EvaluatorScore, string? EvaluatorNote, string? FieldObservation,
    int? VerifierScore, string? VerifierReason, int? FinalScore, string? PlatformEvidence, SuggestedBand? SuggestedBand,
    SuggestionDecision? SuggestionDecision);

public sealed record FormAspect<T>(string Code, string Name, decimal Weight, IReadOnlyList<T> Indicators);

public sealed record ComplaintEvidence(int Resolved, decimal? WithinSlaShare, decimal? MedianWorkingDays, int Ratings, decimal? AverageRating,
    decimal? SatisfiedShare, int SlaBreaches);

public sealed record SidakEvidence(int Visits, decimal? AverageCompliance, int FindingsLow, int FindingsMedium, int FindingsHigh,
    int OfficersRecorded, int OfficersAbsentWithoutReason, decimal? AttendanceShare, int ViolationsConcerningOfficers);

public sealed record PlatformEvidenceView(int Year, ComplaintEvidence Complaints, SidakEvidence Sidak);

public sealed record F02View(Guid EvaluationId, string Status, PlatformEvidenceView PlatformEvidence, IReadOnlyList<FormAspect<F02Indicator>> Aspects)
{
    public IEnumerable<F02Indicator> Indicators => Aspects.SelectMany(a => a.Indicators);
}

public sealed record F02Score(string Indicator, int? EvaluatorScore, string? EvaluatorNote, string? FieldObservation, SuggestionDecision? SuggestionDecision);

public sealed record Invitation(string Token, string Link);

public sealed record F03ItemResult(string Code, string Text, decimal? Mean);

public sealed record F03Overview(int Invitations, int Respondents, decimal? Score, bool Applied, decimal Share, int MinimumRespondents,
    IReadOnlyList<F03ItemResult> Items);

public sealed record CategoryResult(string Code, string Label);

public sealed record AspectResult(string Code, string Name, decimal Weight, decimal Score, decimal Contribution, int Scored, int Indicators);

public sealed record IndexResult(decimal Ipp, CategoryResult Category, decimal InstrumentIpp, IReadOnlyList<AspectResult> Aspects, bool Complete,
    int MissingScores, decimal? F03Score, int F03Respondents, bool F03Applied, decimal F03Share, decimal InstrumentIndex);

public sealed record BeritaAcaraIndicator(string Code, string Name, int? SelfScore, int? EvaluatorScore, int? VerifierScore, int? FinalScore,
    string? EvaluatorNote, string? FieldObservation, string? VerifierReason);

public sealed record BeritaAcaraAspect(string Code, string Name, decimal Weight, decimal Score, IReadOnlyList<BeritaAcaraIndicator> Indicators);

public sealed record BeritaAcaraRecommendation(Guid Id, string? AspectCode, string Text, Guid OwnerUnitId, DateOnly DueOn);

public sealed record BeritaAcaraDocument(string Number, Guid EvaluationId, Guid UnitId, string UnitCode, string UnitName, int Year, bool Mandiri,
    string Instrument, DateTimeOffset GeneratedAt, decimal Ipp, string Category, string CategoryLabel, decimal InstrumentIpp, decimal? F03Score,
    int F03Respondents, bool F03Applied, decimal F03Share, IReadOnlyList<BeritaAcaraAspect> Aspects,
    IReadOnlyList<BeritaAcaraRecommendation> Recommendations, IReadOnlyList<TeamMember> Team, decimal? InstrumentIndex);

public sealed record RequiredSignature(string As, string? SubjectId, string? Name, bool Signed, bool Turn);

/// <summary>The berita acara; <see cref="CallerMaySignAs"/> is the service's word on whether the signed-in user signs now, and as what.</summary>
public sealed record BeritaAcaraView(BeritaAcaraDocument Document, string Sha256, IReadOnlyList<Signature> Signatures,
    IReadOnlyList<RequiredSignature> Required, bool Complete, IReadOnlyList<string>? CallerMaySignAs);

public sealed record RecommendationView(Guid Id, Guid EvaluationId, Guid EvaluatedUnitId, int Year, Guid OwnerUnitId, string? AspectCode, string Text,
    DateOnly DueOn, string Status, bool Overdue, string? Progress, string? DoneEvidence, DateTimeOffset? DoneAt, DateTimeOffset CreatedAt);

/// <summary>An F01 indicator as the unit answers it (GET …/{id}/f01).</summary>
public sealed record F01Indicator(string Code, string Name, decimal Weight, IReadOnlyList<RubricLevel> Rubric, int? SelfScore, string? Note,
    IReadOnlyList<EvidenceLink> Links, IReadOnlyList<DocumentInfo> Documents);

/// <summary>The unit's F01 self-assessment; <see cref="Editable"/> is the service's word on whether it can still change.</summary>
public sealed record F01View(Guid EvaluationId, string Status, bool Editable, string? ReturnReason, decimal SelfAssessedIpp,
    IReadOnlyList<FormAspect<F01Indicator>> Aspects)
{
    public IEnumerable<F01Indicator> Indicators => Aspects.SelectMany(a => a.Indicators);
}
