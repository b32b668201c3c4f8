using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Tinjau.Evaluations.Api.Application;

/// <summary>
/// F01 (the unit's self-assessment and its evidence), F02 (the evaluators' scores against platform evidence),
/// verification and the IPP now. The IPP itself is computed in <see cref="IndexCalculator"/> (via <see cref="EvaluationIndex"/>).
/// </summary>
public sealed class FormOperations(EvaluationLoader loader, EvaluationsScope scope, EvaluationIndex index, EvaluationsDbContext db,
    PlatformEvidenceQueries evidence, IOptions<EvidenceOptions> evidenceOptions, CityClock clock, IConfiguration configuration)
{
    private const string FillF01 = "fill F01 (unit staff or head of the unit only)";

    private async Task<Dictionary<Guid, DocumentInfo>> DocumentsAsync(Guid evaluationId, CancellationToken ct) =>
        await db.Documents.AsNoTracking().Where(d => d.EvaluationId == evaluationId)
            .Select(d => new DocumentInfo(d.Id, d.FileName, d.ContentType, d.SizeBytes, d.Sha256, d.UploadedAt))
            .ToDictionaryAsync(d => d.Id, ct);

    private static List<DocumentInfo> Named(IndicatorScore s, Dictionary<Guid, DocumentInfo> docs) =>
        s.DocumentIds.Where(docs.ContainsKey).Select(d => docs[d]).ToList();

    /// <summary>F01 is filled by the unit's own staff or head only.</summary>
    private Task<Outcome<T>> AsUnitMemberAsync<T>(Guid id, Func<Evaluation, Task<Outcome<T>>> then, CancellationToken ct) =>
        loader.WithAsync(id, async e => await scope.IsUnitMemberAsync(e.UnitId, ct) ? await then(e) : EvaluationLoader.NotAllowed(FillF01), ct);

    /// <summary>The indicator of the evaluation's instrument named in the route, or 404.</summary>
    private async Task<Outcome<T>> IndicatorAsync<T>(Evaluation e, string indicator, Func<IndicatorDefinition, Task<Outcome<T>>> then,
        CancellationToken ct) =>
        (await index.InstrumentOfAsync(e, ct)).FindIndicator(indicator) is { } definition
            ? await then(definition)
            : Refusal.NotFound($"The instrument has no indicator {indicator}.");

    /// <summary>F02 and verification of one indicator: who may, the indicator, and the request's shape checked first.</summary>
    private Task<Outcome<T>> OnIndicatorAsync<T>(Guid id, string indicator, Func<EvaluationsScope, Evaluation, bool> may, string what, object request,
        Func<Evaluation, IndicatorDefinition, FieldErrors, Task<Outcome<T>>> then, CancellationToken ct) =>
        loader.WithAsync<T>(id, may, what, e => IndicatorAsync<T>(e, indicator, definition =>
        {
            return then(e, definition, new FieldErrors().Check(request));
        }, ct), ct);

    public Task<Outcome<F01View>> F01Async(Guid id, CancellationToken ct) => loader.WithAsync<F01View>(id, async e =>
    {
        var instrument = await index.InstrumentOfAsync(e, ct);
        var docs = await DocumentsAsync(id, ct);
        var aspects = instrument.Aspects.Select(a => new FormAspect<F01Indicator>(a.Code, a.Name, a.Weight, a.Indicators.Select(i =>
        {
            var s = e.Score(i.Code);
            return new F01Indicator(i.Code, i.Name, i.Weight, i.WeightIsDefaultToReview, i.Rubric, s.SelfScore, s.SelfNote, s.Links, Named(s, docs));
        }).ToList())).ToList();
        return new F01View(id, e.Status.ToName(), e.F01Editable, e.ReturnReason, e.SelfAssessedIpp(instrument), aspects);
    }, ct);

    public Task<Outcome<F01Answer>> AnswerF01Async(Guid id, string indicator, F01AnswerRequest request, CancellationToken ct) =>
        AsUnitMemberAsync<F01Answer>(id, e => IndicatorAsync<F01Answer>(e, indicator, async definition =>
        {
            var errors = new FieldErrors().Check(request);
            var links = EvidenceLinks.Check(errors, request.Links, max: 20);
            var documentIds = request.DocumentIds?.Distinct().ToList() ?? [];
            if (documentIds.Count > 0)
            {
                var known = await db.Documents.Where(d => d.EvaluationId == id && documentIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
                foreach (var missing in documentIds.Except(known))
                {
                    errors.Add("documentIds", $"No document {missing} was uploaded to this evaluation.");
                }
            }
            if (Refusal.Of(errors) is { } invalid)
            {
                return invalid;
            }
            // Links and documents not named in the request are kept (an empty list clears them).
            e.AnswerF01(definition.Code, request.SelfScore!.Value, request.Note?.Trim(), request.Links is null ? null : links,
                request.DocumentIds is null ? null : documentIds, clock.Now);
            await db.SaveChangesAsync(ct);
            var s = e.Score(definition.Code);
            return new F01Answer(definition.Code, s.SelfScore, s.SelfNote, s.Links, s.DocumentIds, e.Status.ToName());
        }, ct), ct);

    public Task<Outcome<EvaluationSummary>> SubmitF01Async(Guid id, CancellationToken ct) => AsUnitMemberAsync<EvaluationSummary>(id, async e =>
    {
        e.SubmitF01(await index.InstrumentOfAsync(e, ct), clock.Now);
        await db.SaveChangesAsync(ct);
        return EvaluationSummary.From(e);
    }, ct);

    public Task<Outcome<EvaluationSummary>> ReturnF01Async(Guid id, ReturnRequest request, CancellationToken ct) =>
        loader.WithAsync<EvaluationSummary>(id, (s, e) => s.CanScore(e), "return F01", async e =>
        {
            var errors = new FieldErrors().Check(request);
            if (Refusal.Of(errors) is { } invalid)
            {
                return invalid;
            }
            e.ReturnF01(request.Reason!.Trim(), clock.Now);
            return await SavedAsync(e, ct);
        }, ct);

    public Task<Outcome<DocumentInfo>> UploadAsync(Guid id, IFormFile? file, CancellationToken ct) => AsUnitMemberAsync<DocumentInfo>(id, async e =>
    {
        if (!e.F01Editable)
        {
            return Refusal.Conflict($"F01 is locked: the evaluation is {e.Status.ToName()}.");
        }
        var max = configuration.GetValue("Evaluations:Documents:MaxBytes", 10L * 1024 * 1024);
        if (file is null || file.Length == 0)
        {
            return Refusal.Invalid("file", "A non-empty file in the multipart field 'file'.");
        }
        if (file.Length > max)
        {
            return Refusal.Invalid("file", $"At most {max} bytes.");
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        // The type is the content's own (a page or script sent as a PDF is refused), the name a plain file name.
        if (Uploads.DetectType(bytes) is not { } contentType)
        {
            return Refusal.Invalid("file", "A PDF, JPEG, PNG, WebP or HEIC file (checked by its content).");
        }
        var document = new EvidenceDocument
        {
            Id = Guid.CreateVersion7(clock.Now),
            EvaluationId = id,
            FileName = Uploads.SafeFileName(file.FileName, "document"),
            ContentType = contentType,
            SizeBytes = bytes.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Content = bytes,
            UploadedBy = scope.Subject,
            UploadedAt = clock.Now,
        };
        db.Documents.Add(document);
        await db.SaveChangesAsync(ct);
        return Outcome<DocumentInfo>.Created(
            new DocumentInfo(document.Id, document.FileName, document.ContentType, document.SizeBytes, document.Sha256, document.UploadedAt));
    }, ct);

    public Task<Outcome<EvidenceDocument>> DocumentAsync(Guid id, Guid documentId, CancellationToken ct) =>
        loader.WithAsync<EvidenceDocument>(id, async _ =>
            await db.Documents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == documentId && x.EvaluationId == id, ct) is { } d
                ? d
                : Refusal.NotFound($"There is no document {documentId}."), ct);

    public Task<Outcome<F02View>> F02Async(Guid id, CancellationToken ct) =>
        loader.WithAsync<F02View>(id, (s, e) => s.CanReadF02(e), "read F02", async e =>
        {
            var instrument = await index.InstrumentOfAsync(e, ct);
            var docs = await DocumentsAsync(id, ct);
            var complaints = await evidence.ComplaintsAsync(e.UnitId, e.Year, ct);
            var sidak = await evidence.SidakAsync(e.UnitId, e.Year, ct);
            var aspects = instrument.Aspects.Select(a => new FormAspect<F02Indicator>(a.Code, a.Name, a.Weight, a.Indicators.Select(i =>
            {
                var s = e.Score(i.Code);
                return new F02Indicator(i.Code, i.Name, i.Weight, i.Rubric, s.SelfScore, s.SelfNote, s.Links, Named(s, docs), s.EvaluatorScore,
                    s.EvaluatorNote, s.FieldObservation, s.VerifierScore, s.VerifierReason, s.FinalScore, i.PlatformEvidence,
                    PlatformEvidenceRules.Suggest(i.PlatformEvidence, complaints, sidak, evidenceOptions.Value), s.Suggestion);
            }).ToList())).ToList();
            return new F02View(id, e.Status.ToName(), new PlatformEvidenceView(e.Year, complaints, sidak), aspects);
        }, ct);

    public Task<Outcome<F02Score>> ScoreF02Async(Guid id, string indicator, F02ScoreRequest request, CancellationToken ct) =>
        OnIndicatorAsync<F02Score>(id, indicator, (s, e) => s.CanScore(e), "score F02", request, async (e, definition, errors) =>
        {
            SuggestionDecision? decision = null;
            if (definition.PlatformEvidence is not null && request.Score is { } sc)
            {
                var suggested = PlatformEvidenceRules.Suggest(definition.PlatformEvidence, await evidence.ComplaintsAsync(e.UnitId, e.Year, ct),
                    await evidence.SidakAsync(e.UnitId, e.Year, ct), evidenceOptions.Value);
                if (suggested is not null)
                {
                    var accepted = sc >= suggested.Min && sc <= suggested.Max;
                    if (!accepted && string.IsNullOrWhiteSpace(request.Notes))
                    {
                        errors.Add("notes", $"The score overrides the suggested band {suggested.Min}–{suggested.Max} from platform evidence; say why.");
                    }
                    decision = new SuggestionDecision(suggested.Basis, suggested.Min, suggested.Max, sc, accepted ? "accepted" : "overridden", clock.Now);
                }
            }
            if (Refusal.Of(errors) is { } invalid)
            {
                return invalid;
            }
            e.ScoreF02(definition.Code, request.Score!.Value, request.Notes, request.FieldObservation, scope.Subject, decision, clock.Now);
            await db.SaveChangesAsync(ct);
            var s = e.Score(definition.Code);
            return new F02Score(definition.Code, s.EvaluatorScore, s.EvaluatorNote, s.FieldObservation, s.Suggestion);
        }, ct);

    public Task<Outcome<EvaluationSummary>> CompleteF02Async(Guid id, CancellationToken ct) =>
        loader.WithAsync<EvaluationSummary>(id, (s, e) => s.CanScore(e), "complete F02", async e =>
        {
            e.CompleteF02(clock.Now);
            return await SavedAsync(e, ct);
        }, ct);

    public Task<Outcome<VerifiedScore>> VerifyAsync(Guid id, string indicator, VerificationRequest request, CancellationToken ct) =>
        OnIndicatorAsync<VerifiedScore>(id, indicator, (s, e) => s.CanVerify(e), "verify scores", request, async (e, definition, errors) =>
        {
            if (Refusal.Of(errors) is { } invalid)
            {
                return invalid;
            }
            e.Verify(definition.Code, request.Score!.Value, request.Reason!.Trim(), scope.Subject, clock.Now);
            await db.SaveChangesAsync(ct);
            var s = e.Score(definition.Code);
            return new VerifiedScore(definition.Code, s.EvaluatorScore, s.VerifierScore, s.VerifierReason, s.FinalScore);
        }, ct);

    /// <summary>The IPP now: <see cref="IndexCalculator.Compute"/> over the final layer and F03.</summary>
    public Task<Outcome<IndexResult>> IndexAsync(Guid id, CancellationToken ct) =>
        loader.WithAsync<IndexResult>(id, async e => await index.ComputeAsync(e, await index.InstrumentOfAsync(e, ct), ct), ct);

    private async Task<Outcome<EvaluationSummary>> SavedAsync(Evaluation e, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        return EvaluationSummary.From(e);
    }
}

/// <summary>Evidence links of a request, checked: absolute http(s) URLs (errors under <c>links[i]</c>).</summary>
public static class EvidenceLinks
{
    public static bool IsWebUrl(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    /// <summary>F01 evidence: at most <paramref name="max"/> links, URLs of at most 2,000 characters, titles of at most 300.</summary>
    public static List<EvidenceLink> Check(FieldErrors errors, List<LinkRequest>? requested, int max)
    {
        var links = new List<EvidenceLink>();
        requested ??= [];
        if (requested.Count > max)
        {
            errors.Add("links", $"At most {max} links.");
        }
        for (var i = 0; i < requested.Count; i++)
        {
            var l = requested[i];
            if (l?.Url is null || l.Url.Length > 2000 || !IsWebUrl(l.Url))
            {
                errors.Add($"links[{i}].url", "An absolute http(s) URL of at most 2,000 characters.");
                continue;
            }
            links.Add(new EvidenceLink(l.Url, l.Title));
        }
        return links;
    }
}
