using Tinjau.Evaluations.Contracts;
using Tinjau.Messaging;

namespace Tinjau.Evaluations.Api.Domain;

/// <summary>
/// Where an evaluation of one unit stands:
/// <code>
/// SelfAssessment --submit F01--> Submitted --complete F02--> Verification --generate berita acara--> Signing --last signature--> Finalized
///        ^                          |
///        +------- Returned <--------+ (evaluators return F01 for revision; the unit edits and submits again)
/// </code>
/// Every other transition is refused (409).
/// </summary>
public enum EvaluationStatus
{
    SelfAssessment,
    Submitted,
    Returned,
    Verification,
    Signing,
    Finalized,
}

public static class EvaluationStatuses
{
    public static string ToName(this EvaluationStatus s) => s switch
    {
        EvaluationStatus.SelfAssessment => "self-assessment",
        EvaluationStatus.Submitted => "submitted",
        EvaluationStatus.Returned => "returned",
        EvaluationStatus.Verification => "verification",
        EvaluationStatus.Signing => "signing",
        EvaluationStatus.Finalized => "finalized",
        _ => s.ToString(),
    };

    public static EvaluationStatus Parse(string s) =>
        Enum.GetValues<EvaluationStatus>().First(v => v.ToName() == s);

    private static readonly Dictionary<EvaluationStatus, EvaluationStatus[]> Transitions = new()
    {
        [EvaluationStatus.SelfAssessment] = [EvaluationStatus.Submitted],
        [EvaluationStatus.Returned] = [EvaluationStatus.Submitted],
        [EvaluationStatus.Submitted] = [EvaluationStatus.Returned, EvaluationStatus.Verification],
        [EvaluationStatus.Verification] = [EvaluationStatus.Signing],
        [EvaluationStatus.Signing] = [EvaluationStatus.Finalized],
        [EvaluationStatus.Finalized] = [],
    };

    public static bool CanMove(EvaluationStatus from, EvaluationStatus to) => Transitions[from].Contains(to);
}

public sealed record EvidenceLink(string Url, string? Title);

/// <summary>What the evaluator did with the platform's suggested band for an indicator (recorded with the F02 score).</summary>
public sealed record SuggestionDecision(string Basis, int SuggestedMin, int SuggestedMax, int Score, string Decision, DateTimeOffset At);

/// <summary>The three score layers of one indicator in one evaluation, kept separately.</summary>
public sealed class IndicatorScore
{
    public Guid Id { get; init; }
    public Guid EvaluationId { get; init; }
    public string IndicatorCode { get; init; } = "";

    // F01 (unit)
    public int? SelfScore { get; set; }
    public string? SelfNote { get; set; }
    public List<EvidenceLink> Links { get; set; } = [];
    public List<Guid> DocumentIds { get; set; } = [];
    public DateTimeOffset? SelfUpdatedAt { get; set; }

    // F02 (evaluator)
    public int? EvaluatorScore { get; set; }
    public string? EvaluatorNote { get; set; }
    public string? FieldObservation { get; set; }
    public string? ScoredBy { get; set; }
    public DateTimeOffset? ScoredAt { get; set; }
    public SuggestionDecision? Suggestion { get; set; }

    // Verifier
    public int? VerifierScore { get; set; }
    public string? VerifierReason { get; set; }
    public string? VerifiedBy { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }

    public int? FinalScore => VerifierScore ?? EvaluatorScore;
}

/// <summary>A recorded acceptance of the berita acara. As: member, lead or head-of-unit.</summary>
public sealed record Signature(string As, string SubjectId, string Name, string DocumentSha256, DateTimeOffset SignedAt);

/// <summary>The evaluation of one unit in one cycle: F01, F02, verification, F03, berita acara.</summary>
public sealed class Evaluation : RaisesIntegrationEvents
{
    public Guid Id { get; init; }
    public Guid CycleId { get; init; }
    public Guid UnitId { get; init; }
    public string UnitCode { get; init; } = "";
    public string UnitName { get; init; } = "";
    public int Year { get; init; }
    public Guid InstrumentId { get; init; }
    public bool Mandiri { get; init; }
    public List<TeamMember> Team { get; set; } = [];
    public EvaluationStatus Status { get; private set; } = EvaluationStatus.SelfAssessment;
    public List<IndicatorScore> Scores { get; init; } = [];
    public string? ReturnReason { get; private set; }
    public int Submissions { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? VerificationStartedAt { get; private set; }

    public BeritaAcaraDocument? BeritaAcara { get; private set; }
    public string? BeritaAcaraSha256 { get; private set; }
    public List<Signature> Signatures { get; private set; } = [];
    public DateTimeOffset? FinalizedAt { get; private set; }
    public decimal? FinalIpp { get; private set; }
    public string? FinalCategory { get; private set; }
    public string? FinalCategoryLabel { get; private set; }
    public List<AspectResult>? FinalAspects { get; private set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }

    public static Evaluation Start(Guid id, Cycle cycle, Instrument instrument, Guid unitId, string unitCode, string unitName,
        IEnumerable<TeamMember> team, DateTimeOffset at)
    {
        var evaluation = new Evaluation
        {
            Id = id,
            CycleId = cycle.Id,
            UnitId = unitId,
            UnitCode = unitCode,
            UnitName = unitName,
            Year = cycle.Year,
            InstrumentId = instrument.Id,
            Mandiri = cycle.Mandiri,
            Team = team.ToList(),
            CreatedAt = at,
            UpdatedAt = at,
        };
        foreach (var indicator in instrument.Indicators)
        {
            evaluation.Scores.Add(new IndicatorScore { Id = Guid.CreateVersion7(at), EvaluationId = id, IndicatorCode = indicator.Code });
        }
        return evaluation;
    }

    public IndicatorScore Score(string indicatorCode) =>
        Scores.FirstOrDefault(s => string.Equals(s.IndicatorCode, indicatorCode, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException(indicatorCode);

    public bool F01Editable => Status is EvaluationStatus.SelfAssessment or EvaluationStatus.Returned;

    private void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new DomainException(message);
        }
    }

    private void MoveTo(EvaluationStatus to, DateTimeOffset at)
    {
        Require(EvaluationStatuses.CanMove(Status, to), $"An evaluation in status {Status.ToName()} cannot move to {to.ToName()}.");
        Status = to;
        UpdatedAt = at;
    }

    /// <summary>
    /// Sets the self-score, and the note, links and documents when given: what is null stays as it was (an empty note
    /// or list clears it), so changing a score never drops the evidence already attached.
    /// </summary>
    public void AnswerF01(string indicatorCode, int selfScore, string? note, List<EvidenceLink>? links, List<Guid>? documentIds, DateTimeOffset at)
    {
        Require(F01Editable, $"F01 is locked: the evaluation is {Status.ToName()} (it opens again only when evaluators return it).");
        var s = Score(indicatorCode);
        s.SelfScore = selfScore;
        if (note is not null)
        {
            s.SelfNote = note.Length == 0 ? null : note;
        }
        s.Links = links ?? s.Links;
        s.DocumentIds = documentIds ?? s.DocumentIds;
        s.SelfUpdatedAt = at;
        UpdatedAt = at;
    }

    /// <summary>The index of the unit's own F01 scores under <paramref name="instrument"/> (the F02 scores aside).</summary>
    public decimal SelfAssessedIpp(Instrument instrument) =>
        IndexCalculator.Round2(IndexCalculator.InstrumentIndex(instrument,
            Scores.ToDictionary(s => s.IndicatorCode, s => s.SelfScore, StringComparer.OrdinalIgnoreCase)).Value);

    /// <summary>
    /// Submits F01 scored under <paramref name="instrument"/>; every indicator needs a self-score. Raises
    /// <see cref="EvaluationSubmitted"/>. Returns true when this is a resubmission.
    /// </summary>
    public bool SubmitF01(Instrument instrument, DateTimeOffset at)
    {
        Require(F01Editable, $"F01 cannot be submitted: the evaluation is {Status.ToName()}.");
        var missing = Scores.Where(s => s.SelfScore is null).Select(s => s.IndicatorCode).ToList();
        Require(missing.Count == 0, $"Every indicator needs a self-score before submitting; missing: {string.Join(", ", missing)}.");
        var resubmission = Status == EvaluationStatus.Returned;
        MoveTo(EvaluationStatus.Submitted, at);
        ReturnReason = null;
        Submissions++;
        SubmittedAt = at;
        Raise(new EvaluationSubmitted(Id, CycleId, UnitId, Year, Mandiri, instrument.Code, instrument.Version,
            SelfAssessedIpp(instrument), resubmission, at));
        return resubmission;
    }

    public void ReturnF01(string reason, DateTimeOffset at)
    {
        MoveTo(EvaluationStatus.Returned, at);
        ReturnReason = reason;
    }

    public void ScoreF02(string indicatorCode, int score, string? note, string? fieldObservation, string by, SuggestionDecision? suggestion,
        DateTimeOffset at)
    {
        Require(Status == EvaluationStatus.Submitted, $"F02 can be scored only after F01 is submitted and before verification; the evaluation is {Status.ToName()}.");
        var s = Score(indicatorCode);
        s.EvaluatorScore = score;
        s.EvaluatorNote = note;
        s.FieldObservation = fieldObservation;
        s.ScoredBy = by;
        s.ScoredAt = at;
        s.Suggestion = suggestion;
        UpdatedAt = at;
    }

    public void CompleteF02(DateTimeOffset at)
    {
        Require(Status == EvaluationStatus.Submitted, $"F02 can be completed only in status submitted; the evaluation is {Status.ToName()}.");
        var missing = Scores.Where(s => s.EvaluatorScore is null).Select(s => s.IndicatorCode).ToList();
        Require(missing.Count == 0, $"Every indicator needs an evaluator score; missing: {string.Join(", ", missing)}.");
        MoveTo(EvaluationStatus.Verification, at);
        VerificationStartedAt = at;
    }

    public void Verify(string indicatorCode, int score, string reason, string by, DateTimeOffset at)
    {
        Require(Status == EvaluationStatus.Verification, $"Scores can be verified only during verification; the evaluation is {Status.ToName()}.");
        var s = Score(indicatorCode);
        s.VerifierScore = score;
        s.VerifierReason = reason;
        s.VerifiedBy = by;
        s.VerifiedAt = at;
        UpdatedAt = at;
    }

    public bool F03Open => Status is EvaluationStatus.SelfAssessment or EvaluationStatus.Returned or EvaluationStatus.Submitted or EvaluationStatus.Verification;

    public bool RecommendationsOpen => Status is not (EvaluationStatus.Signing or EvaluationStatus.Finalized);

    /// <summary>Generates (or, before anyone signed, regenerates) the berita acara and moves to signing.</summary>
    public void IssueBeritaAcara(BeritaAcaraDocument document, string sha256, DateTimeOffset at)
    {
        if (Status == EvaluationStatus.Signing)
        {
            Require(Signatures.Count == 0, "The berita acara already has signatures; it cannot be regenerated.");
        }
        else
        {
            MoveTo(EvaluationStatus.Signing, at);
        }
        BeritaAcara = document;
        BeritaAcaraSha256 = sha256;
        Signatures = [];
        UpdatedAt = at;
    }

    /// <summary>The signatures the berita acara needs: each lead and member of the team, and the head of unit.</summary>
    public IReadOnlyList<(string As, string? SubjectId)> RequiredSignatures() =>
        Team.Where(t => t.Role is TeamRoles.Lead or TeamRoles.Member)
            .Select(t => (t.Role, (string?)t.SubjectId))
            .Append((SignatureRoles.HeadOfUnit, null))
            .ToList();

    /// <summary>The order of signing: every member, then the lead, then the head of unit (PEKPPP's berita acara).</summary>
    private static int SigningRank(string signAs) => signAs switch
    {
        TeamRoles.Member => 0,
        TeamRoles.Lead => 1,
        _ => 2,
    };

    private bool HasSigned((string As, string? SubjectId) required) =>
        Signatures.Any(s => s.As == required.As && (required.SubjectId is null || s.SubjectId == required.SubjectId));

    /// <summary>Every signature of an earlier rank than <paramref name="signAs"/> is recorded.</summary>
    private bool IsTurnOf(string signAs) => RequiredSignatures().Where(r => SigningRank(r.As) < SigningRank(signAs)).All(HasSigned);

    /// <summary>
    /// The berita acara awaits this subject's signature in this role now: it is being signed, it is this role's turn,
    /// and the subject has not signed in it (for head-of-unit: nobody has). Whether the subject holds the role is the
    /// scope's question.
    /// </summary>
    public bool AwaitsSignature(string signAs, string subjectId) =>
        Status == EvaluationStatus.Signing && IsTurnOf(signAs)
        && (signAs == SignatureRoles.HeadOfUnit
            ? Signatures.All(s => s.As != SignatureRoles.HeadOfUnit)
            : Team.Any(t => t.Role == signAs && t.SubjectId == subjectId) && !Signatures.Any(s => s.As == signAs && s.SubjectId == subjectId));

    /// <summary>Records a signature; returns true when it was the last one needed (the evaluation is then final).</summary>
    public bool Sign(string signAs, string subjectId, string name, string documentSha256, DateTimeOffset at)
    {
        Require(Status == EvaluationStatus.Signing, $"The berita acara can be signed only while it awaits signatures; the evaluation is {Status.ToName()}.");
        Require(documentSha256 == BeritaAcaraSha256, "The document signed is not the current berita acara (its SHA-256 differs).");
        Require(!Signatures.Any(s => s.As == signAs && s.SubjectId == subjectId), "This signature is already recorded.");
        if (signAs == SignatureRoles.HeadOfUnit)
        {
            Require(Signatures.All(s => s.As != SignatureRoles.HeadOfUnit), "The head of unit has already signed.");
        }
        else
        {
            Require(Team.Any(t => t.Role == signAs && t.SubjectId == subjectId), $"The signer is not the team's {signAs}.");
        }
        Require(IsTurnOf(signAs), "Not yet: the members sign first, then the lead, then the head of unit.");
        Signatures = [.. Signatures, new Signature(signAs, subjectId, name, documentSha256, at)];
        UpdatedAt = at;
        return RequiredSignatures().All(HasSigned);
    }

    /// <summary>Closes the evaluation with its index under <paramref name="instrument"/>; raises <see cref="EvaluationFinalized"/>.</summary>
    public void Finalize(IndexResult index, Instrument instrument, DateTimeOffset at)
    {
        MoveTo(EvaluationStatus.Finalized, at);
        FinalizedAt = at;
        FinalIpp = index.Ipp;
        FinalCategory = index.Category.Code;
        FinalCategoryLabel = index.Category.Label;
        FinalAspects = index.Aspects.ToList();
        Raise(new EvaluationFinalized(Id, CycleId, UnitId, Year, Mandiri, instrument.Code, instrument.Version,
            index.Ipp, index.Category.Code, index.Category.Label, index.InstrumentIpp, index.F03Score, index.F03Share,
            index.Aspects.Select(a => new AspectSubScore(a.Code, a.Weight, a.Score)).ToList(), BeritaAcaraSha256!, at));
    }
}

public static class SignatureRoles
{
    public const string HeadOfUnit = "head-of-unit";
    public static readonly IReadOnlyList<string> All = [TeamRoles.Lead, TeamRoles.Member, HeadOfUnit];
}
