using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tinjau.Evaluations.Api.Application;
using Tinjau.Evaluations.Api.Data;
using Tinjau.Evaluations.Api.Domain;
using Tinjau.Evaluations.Api.Infrastructure;
using Tinjau.Evaluations.Contracts;
using Tinjau.Messaging;

namespace Tinjau.Evaluations.Api.Apis;

public sealed record LinkRequest(string? Url, string? Title);

public sealed record F01AnswerRequest(int? SelfScore, string? Note, List<LinkRequest>? Links, List<Guid>? DocumentIds);

public sealed record F02ScoreRequest(int? Score, string? Notes, string? FieldObservation);

public sealed record VerificationRequest(int? Score, string? Reason);

public sealed record ReturnRequest(string? Reason);

public sealed record DocumentInfo(Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt);

public sealed record F01Indicator(string Code, string Name, decimal Weight, bool WeightIsDefaultToReview, IReadOnlyList<RubricLevel> Rubric,
    int? SelfScore, string? Note, IReadOnlyList<EvidenceLink> Links, IReadOnlyList<DocumentInfo> Documents);

public sealed record FormAspect<T>(string Code, string Name, decimal Weight, IReadOnlyList<T> Indicators);

public sealed record F01View(Guid EvaluationId, string Status, bool Editable, string? ReturnReason, decimal SelfAssessedIpp, IReadOnlyList<FormAspect<F01Indicator>> Aspects);

public sealed record F02Indicator(string Code, string Name, decimal Weight, IReadOnlyList<RubricLevel> Rubric, int? SelfScore, string? SelfNote,
    IReadOnlyList<EvidenceLink> Links, IReadOnlyList<DocumentInfo> Documents, int? EvaluatorScore, string? EvaluatorNote, string? FieldObservation,
    int? VerifierScore, string? VerifierReason, int? FinalScore, string? PlatformEvidence, SuggestedBand? SuggestedBand, SuggestionDecision? SuggestionDecision);

public sealed record PlatformEvidenceView(int Year, ComplaintStats Complaints, SidakStats Sidak);

public sealed record F02View(Guid EvaluationId, string Status, PlatformEvidenceView PlatformEvidence, IReadOnlyList<FormAspect<F02Indicator>> Aspects);

public static class FormsApi
{
    public static void Map(RouteGroupBuilder staff)
    {
        var f01 = staff.MapGroup("/{id:guid}").WithTags("F01 self-assessment");
        f01.MapGet("/f01", GetF01).WithSummary("The F01 form: indicators with rubric, self-scores and evidence");
        f01.MapPut("/f01/{indicator}", AnswerF01).WithSummary("Answer an indicator (unit staff/head of the unit; draft or returned only)")
            .WithDescription("Sets selfScore and what else the request names: a note, links or documentIds left out (null) stay as they are; an empty list clears them.");
        f01.MapPost("/f01/submit", SubmitF01).WithSummary("Submit F01 (every indicator answered); publishes EvaluationSubmitted");
        f01.MapPost("/f01/return", ReturnF01).WithSummary("Evaluators return F01 for revision with a reason");
        f01.MapPost("/documents", Upload).DisableAntiforgery().WithSummary("Upload an evidence document (multipart field 'file'); stored with its SHA-256");
        f01.MapGet("/documents/{documentId:guid}", Download).WithSummary("Download an evidence document");

        var f02 = staff.MapGroup("/{id:guid}").WithTags("F02 and verification");
        f02.MapGet("/f02", GetF02).WithSummary("The F02 view: F01 answers, scores, platform evidence and suggested bands");
        f02.MapPut("/f02/{indicator}", ScoreF02).WithSummary("Evaluator score with notes and field observation (overriding a suggested band needs notes)");
        f02.MapPost("/f02/complete", CompleteF02).WithSummary("Close F02 (every indicator scored) and open verification");
        f02.MapPut("/verification/{indicator}", Verify).WithSummary("Verifier adjusts a score with a reason");
        f02.MapGet("/index", GetIndex).WithSummary("The IPP now: final layer (verifier ?? evaluator), category, aspect sub-scores, F03");
    }

    private static async Task<Dictionary<Guid, DocumentInfo>> DocumentsAsync(EvaluationsDbContext db, Guid evaluationId, CancellationToken ct) =>
        await db.Documents.AsNoTracking().Where(d => d.EvaluationId == evaluationId)
            .Select(d => new DocumentInfo(d.Id, d.FileName, d.ContentType, d.SizeBytes, d.Sha256, d.UploadedAt))
            .ToDictionaryAsync(d => d.Id, ct);

    private static async Task<IResult> GetF01(Guid id, ClaimsPrincipal user, EvaluationLoader loader, EvaluationIndex index, EvaluationsDbContext db,
        CancellationToken ct)
    {
        var (e, problem) = await loader.LoadAsync(id, user, ct);
        if (problem is not null)
        {
            return problem;
        }
        var instrument = await index.InstrumentOfAsync(e!, ct);
        var docs = await DocumentsAsync(db, id, ct);
        var aspects = instrument.Aspects.Select(a => new FormAspect<F01Indicator>(a.Code, a.Name, a.Weight, a.Indicators.Select(i =>
        {
            var s = e!.Score(i.Code);
            return new F01Indicator(i.Code, i.Name, i.Weight, i.WeightIsDefaultToReview, i.Rubric, s.SelfScore, s.SelfNote, s.Links,
                s.DocumentIds.Where(docs.ContainsKey).Select(d => docs[d]).ToList());
        }).ToList())).ToList();
        return TypedResults.Ok(new F01View(id, e!.Status.ToName(), e.F01Editable, e.ReturnReason, e.SelfAssessedIpp(instrument), aspects));
    }

    private static async Task<IResult?> RequireUnitMemberAsync(ClaimsPrincipal user, Evaluation e, Access access, CancellationToken ct) =>
        await access.IsUnitMemberAsync(user, e.UnitId, ct) ? null : EvaluationLoader.NotAllowed("fill F01 (unit staff or head of the unit only)");

    private static async Task<IResult> AnswerF01(Guid id, string indicator, F01AnswerRequest request, ClaimsPrincipal user, EvaluationLoader loader,
        Access access, EvaluationIndex index, EvaluationsDbContext db, CityClock clock, CancellationToken ct)
    {
        var (e, problem) = await loader.LoadAsync(id, user, ct);
        if ((problem ?? await RequireUnitMemberAsync(user, e!, access, ct)) is { } p)
        {
            return p;
        }
        var instrument = await index.InstrumentOfAsync(e!, ct);
        var definition = instrument.FindIndicator(indicator);
        if (definition is null)
        {
            return Problems.NotFound($"The instrument has no indicator {indicator}.");
        }
        var errors = new FieldErrors();
        errors.Score("selfScore", request.SelfScore);
        errors.Optional("note", request.Note, 4000);
        var links = new List<EvidenceLink>();
        var requested = request.Links ?? [];
        if (requested.Count > 20)
        {
            errors.Add("links", "At most 20 links.");
        }
        for (var i = 0; i < requested.Count; i++)
        {
            var l = requested[i];
            if (l?.Url is null || l.Url.Length > 2000 || !Uri.TryCreate(l.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                errors.Add($"links[{i}].url", "An absolute http(s) URL of at most 2,000 characters.");
                continue;
            }
            errors.Optional($"links[{i}].title", l.Title, 300);
            links.Add(new EvidenceLink(l.Url, l.Title));
        }
        var documentIds = request.DocumentIds?.Distinct().ToList() ?? [];
        if (documentIds.Count > 0)
        {
            var known = await db.Documents.Where(d => d.EvaluationId == id && documentIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
            foreach (var missing in documentIds.Except(known))
            {
                errors.Add("documentIds", $"No document {missing} was uploaded to this evaluation.");
            }
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        // Links and documents not named in the request are kept (an empty list clears them).
        e!.AnswerF01(definition.Code, request.SelfScore!.Value, request.Note?.Trim(), request.Links is null ? null : links,
            request.DocumentIds is null ? null : documentIds, clock.Now);
        await db.SaveChangesAsync(ct);
        var s = e.Score(definition.Code);
        return TypedResults.Ok(new { indicator = definition.Code, s.SelfScore, note = s.SelfNote, s.Links, s.DocumentIds, status = e.Status.ToName() });
    }

    private static async Task<IResult> SubmitF01(Guid id, ClaimsPrincipal user, EvaluationLoader loader, Access access, EvaluationIndex index,
        EvaluationsDbContext db, CityClock clock, CancellationToken ct)
    {
        var (e, problem) = await loader.LoadAsync(id, user, ct);
        if ((problem ?? await RequireUnitMemberAsync(user, e!, access, ct)) is { } p)
        {
            return p;
        }
        var instrument = await index.InstrumentOfAsync(e!, ct);
        e!.SubmitF01(instrument, clock.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(EvaluationSummary.From(e));
    }

    private static async Task<IResult> ReturnF01(Guid id, ReturnRequest request, ClaimsPrincipal user, EvaluationLoader loader, EvaluationsDbContext db,
        CityClock clock, CancellationToken ct)
    {
        var (e, problem) = await loader.LoadAsync(id, user, ct);
        if (problem is not null)
        {
            return problem;
        }
        if (!Access.CanScore(user, e!))
        {
            return EvaluationLoader.NotAllowed("return F01");
        }
        var errors = new FieldErrors();
        errors.Required("reason", request.Reason, 2000);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        e!.ReturnF01(request.Reason!.Trim(), clock.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(EvaluationSummary.From(e));
    }

    private static async Task<IResult> Upload(Guid id, IFormFile? file, ClaimsPrincipal user, EvaluationLoader loader, Access access,
        EvaluationsDbContext db, CityClock clock, IConfiguration configuration, CancellationToken ct)
    {
        var (e, problem) = await loader.LoadAsync(id, user, ct);
        if ((problem ?? await RequireUnitMemberAsync(user, e!, access, ct)) is { } p)
        {
            return p;
        }
        if (!e!.F01Editable)
        {
            return Problems.Conflict($"F01 is locked: the evaluation is {e.Status.ToName()}.");
        }
        var max = configuration.GetValue("Evaluations:Documents:MaxBytes", 10L * 1024 * 1024);
        if (file is null || file.Length == 0)
        {
            return Problems.Validation("file", "A non-empty file in the multipart field 'file'.");
        }
        if (file.Length > max)
        {
            return Problems.Validation("file", $"At most {max} bytes.");
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        // The type is the content's own (a page or script sent as a PDF is refused), the name a plain file name.
        if (Uploads.DetectType(bytes) is not { } contentType)
        {
            return Problems.Validation("file", "A PDF, JPEG, PNG, WebP or HEIC file (checked by its content).");
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
            UploadedBy = Access.Subject(user),
            UploadedAt = clock.Now,
        };
        db.Documents.Add(document);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/evaluations/{id}/documents/{document.Id}",
            new DocumentInfo(document.Id, document.FileName, document.ContentType, document.SizeBytes, document.Sha256, document.UploadedAt));
    }

    private static async Task<IResult> Download(Guid id, Guid documentId, ClaimsPrincipal user, EvaluationLoader loader, EvaluationsDbContext db,
        HttpResponse response, CancellationToken ct)
    {
        var (_, problem) = await loader.LoadAsync(id, user, ct);
        if (problem is not null)
        {
            return problem;
        }
        var d = await db.Documents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == documentId && x.EvaluationId == id, ct);
        if (d is null)
        {
            return Problems.NotFound($"There is no document {documentId}.");
        }
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(d.Content, d.ContentType, Uploads.SafeFileName(d.FileName, "document"));
    }

    private static async Task<IResult> GetF02(Guid id, ClaimsPrincipal user, EvaluationLoader loader, EvaluationIndex index, EvaluationsDbContext db,
        PlatformEvidenceQueries evidence, IOptions<EvidenceOptions> evidenceOptions, CancellationToken ct)
    {
        var (e, problem) = await loader.LoadAsync(id, user, ct);
        if (problem is not null)
        {
            return problem;
        }
        if (!Access.IsCityWide(user) && !Access.CanScore(user, e!) && !Access.CanVerify(user, e!))
        {
            return EvaluationLoader.NotAllowed("read F02");
        }
        var instrument = await index.InstrumentOfAsync(e!, ct);
        var docs = await DocumentsAsync(db, id, ct);
        var complaints = await evidence.ComplaintsAsync(e!.UnitId, e.Year, ct);
        var sidak = await evidence.SidakAsync(e.UnitId, e.Year, ct);
        var aspects = instrument.Aspects.Select(a => new FormAspect<F02Indicator>(a.Code, a.Name, a.Weight, a.Indicators.Select(i =>
        {
            var s = e.Score(i.Code);
            return new F02Indicator(i.Code, i.Name, i.Weight, i.Rubric, s.SelfScore, s.SelfNote, s.Links,
                s.DocumentIds.Where(docs.ContainsKey).Select(d => docs[d]).ToList(), s.EvaluatorScore, s.EvaluatorNote, s.FieldObservation,
                s.VerifierScore, s.VerifierReason, s.FinalScore, i.PlatformEvidence,
                PlatformEvidenceRules.Suggest(i.PlatformEvidence, complaints, sidak, evidenceOptions.Value), s.Suggestion);
        }).ToList())).ToList();
        return TypedResults.Ok(new F02View(id, e.Status.ToName(), new PlatformEvidenceView(e.Year, complaints, sidak), aspects));
    }

    private static async Task<IResult> ScoreF02(Guid id, string indicator, F02ScoreRequest request, ClaimsPrincipal user, EvaluationLoader loader,
        EvaluationIndex index, EvaluationsDbContext db, PlatformEvidenceQueries evidence, IOptions<EvidenceOptions> evidenceOptions, CityClock clock,
        CancellationToken ct)
    {
        var (e, problem) = await loader.LoadAsync(id, user, ct);
        if (problem is not null)
        {
            return problem;
        }
        if (!Access.CanScore(user, e!))
        {
            return EvaluationLoader.NotAllowed("score F02");
        }
        var instrument = await index.InstrumentOfAsync(e!, ct);
        var definition = instrument.FindIndicator(indicator);
        if (definition is null)
        {
            return Problems.NotFound($"The instrument has no indicator {indicator}.");
        }
        var errors = new FieldErrors();
        errors.Score("score", request.Score);
        errors.Optional("notes", request.Notes, 4000);
        errors.Optional("fieldObservation", request.FieldObservation, 4000);
        SuggestionDecision? decision = null;
        if (definition.PlatformEvidence is not null && request.Score is { } sc)
        {
            var suggested = PlatformEvidenceRules.Suggest(definition.PlatformEvidence, await evidence.ComplaintsAsync(e!.UnitId, e.Year, ct),
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
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        e!.ScoreF02(definition.Code, request.Score!.Value, request.Notes, request.FieldObservation, Access.Subject(user), decision, clock.Now);
        await db.SaveChangesAsync(ct);
        var s = e.Score(definition.Code);
        return TypedResults.Ok(new { indicator = definition.Code, s.EvaluatorScore, s.EvaluatorNote, s.FieldObservation, suggestionDecision = s.Suggestion });
    }

    private static async Task<IResult> CompleteF02(Guid id, ClaimsPrincipal user, EvaluationLoader loader, EvaluationsDbContext db, CityClock clock,
        CancellationToken ct)
    {
        var (e, problem) = await loader.LoadAsync(id, user, ct);
        if (problem is not null)
        {
            return problem;
        }
        if (!Access.CanScore(user, e!))
        {
            return EvaluationLoader.NotAllowed("complete F02");
        }
        e!.CompleteF02(clock.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(EvaluationSummary.From(e));
    }

    private static async Task<IResult> Verify(Guid id, string indicator, VerificationRequest request, ClaimsPrincipal user, EvaluationLoader loader,
        EvaluationIndex index, EvaluationsDbContext db, CityClock clock, CancellationToken ct)
    {
        var (e, problem) = await loader.LoadAsync(id, user, ct);
        if (problem is not null)
        {
            return problem;
        }
        if (!Access.CanVerify(user, e!))
        {
            return EvaluationLoader.NotAllowed("verify scores");
        }
        var definition = (await index.InstrumentOfAsync(e!, ct)).FindIndicator(indicator);
        if (definition is null)
        {
            return Problems.NotFound($"The instrument has no indicator {indicator}.");
        }
        var errors = new FieldErrors();
        errors.Score("score", request.Score);
        errors.Required("reason", request.Reason, 4000);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        e!.Verify(definition.Code, request.Score!.Value, request.Reason!.Trim(), Access.Subject(user), clock.Now);
        await db.SaveChangesAsync(ct);
        var s = e.Score(definition.Code);
        return TypedResults.Ok(new { indicator = definition.Code, s.EvaluatorScore, s.VerifierScore, s.VerifierReason, s.FinalScore });
    }

    private static async Task<IResult> GetIndex(Guid id, ClaimsPrincipal user, EvaluationLoader loader, EvaluationIndex index, CancellationToken ct)
    {
        var (e, problem) = await loader.LoadAsync(id, user, ct);
        if (problem is not null)
        {
            return problem;
        }
        return TypedResults.Ok(await index.ComputeAsync(e!, await index.InstrumentOfAsync(e!, ct), ct));
    }
}
