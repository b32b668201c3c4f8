using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tinjau.Evaluations.Api.Apis;

public sealed record LinkRequest(string? Url, [property: StringLength(300)] string? Title);

public sealed record F01AnswerRequest([property: Required, Range(0, 5)] int? SelfScore, [property: StringLength(4000)] string? Note, List<LinkRequest>? Links, List<Guid>? DocumentIds);

public sealed record F02ScoreRequest([property: Required, Range(0, 5)] int? Score, [property: StringLength(4000)] string? Notes, [property: StringLength(4000)] string? FieldObservation);

public sealed record VerificationRequest([property: Required, Range(0, 5)] int? Score, [property: Required, StringLength(4000)] string? Reason);

public sealed record ReturnRequest([property: Required, StringLength(2000)] string? Reason);

public sealed record DocumentInfo(Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt);

public sealed record F01Indicator(string Code, string Name, decimal Weight, bool WeightIsDefaultToReview, IReadOnlyList<RubricLevel> Rubric,
    int? SelfScore, string? Note, IReadOnlyList<EvidenceLink> Links, IReadOnlyList<DocumentInfo> Documents);

public sealed record FormAspect<T>(string Code, string Name, decimal Weight, IReadOnlyList<T> Indicators);

public sealed record F01View(Guid EvaluationId, string Status, bool Editable, string? ReturnReason, decimal SelfAssessedIpp, IReadOnlyList<FormAspect<F01Indicator>> Aspects);

public sealed record F02Indicator(string Code, string Name, decimal Weight, IReadOnlyList<RubricLevel> Rubric, int? SelfScore, string? SelfNote,
    IReadOnlyList<EvidenceLink> Links, IReadOnlyList<DocumentInfo> Documents, int? EvaluatorScore, string? EvaluatorNote, string? FieldObservation,
    int? VerifierScore, string? VerifierReason, int? FinalScore, string? PlatformEvidence, SuggestedBand? SuggestedBand, SuggestionDecision? SuggestionDecision);

public sealed record F01Answer(string Indicator, int? SelfScore, string? Note, IReadOnlyList<EvidenceLink> Links, IReadOnlyList<Guid> DocumentIds,
    string Status);

public sealed record F02Score(string Indicator, int? EvaluatorScore, string? EvaluatorNote, string? FieldObservation, SuggestionDecision? SuggestionDecision);

public sealed record VerifiedScore(string Indicator, int? EvaluatorScore, int? VerifierScore, string? VerifierReason, int? FinalScore);

public sealed record PlatformEvidenceView(int Year, ComplaintStats Complaints, SidakStats Sidak);

public sealed record F02View(Guid EvaluationId, string Status, PlatformEvidenceView PlatformEvidence, IReadOnlyList<FormAspect<F02Indicator>> Aspects);

/// <summary>F01, F02, verification and the IPP now; what each does is in <see cref="FormOperations"/>.</summary>
public static class FormsApi
{
    private const int NotFound = StatusCodes.Status404NotFound, Forbidden = StatusCodes.Status403Forbidden, Conflict = StatusCodes.Status409Conflict;

    public static void Map(RouteGroupBuilder staff)
    {
        var f01 = staff.MapGroup("/{id:guid}").WithTags("F01 self-assessment");
        f01.MapGet("/f01", GetF01).WithSummary("The F01 form: indicators with rubric, self-scores and evidence").ProducesProblems(NotFound);
        f01.MapPut("/f01/{indicator}", AnswerF01).WithSummary("Answer an indicator (unit staff/head of the unit; draft or returned only)")
            .WithDescription("Sets selfScore and what else the request names: a note, links or documentIds left out (null) stay as they are; an empty list clears them.")
            .ProducesProblems(NotFound, Forbidden, Conflict);
        f01.MapPost("/f01/submit", SubmitF01).WithSummary("Submit F01 (every indicator answered); publishes EvaluationSubmitted")
            .ProducesProblems(NotFound, Forbidden, Conflict);
        f01.MapPost("/f01/return", ReturnF01).WithSummary("Evaluators return F01 for revision with a reason").ProducesProblems(NotFound, Forbidden, Conflict);
        f01.MapPost("/documents", Upload).DisableAntiforgery().WithSummary("Upload an evidence document (multipart field 'file'); stored with its SHA-256")
            .ProducesProblems(NotFound, Forbidden, Conflict);
        f01.MapGet("/documents/{documentId:guid}", Download).WithSummary("Download an evidence document").ProducesProblems(NotFound);

        var f02 = staff.MapGroup("/{id:guid}").WithTags("F02 and verification");
        f02.MapGet("/f02", GetF02).WithSummary("The F02 view: F01 answers, scores, platform evidence and suggested bands").ProducesProblems(NotFound, Forbidden);
        f02.MapPut("/f02/{indicator}", ScoreF02).WithSummary("Evaluator score with notes and field observation (overriding a suggested band needs notes)")
            .ProducesProblems(NotFound, Forbidden, Conflict);
        f02.MapPost("/f02/complete", CompleteF02).WithSummary("Close F02 (every indicator scored) and open verification")
            .ProducesProblems(NotFound, Forbidden, Conflict);
        f02.MapPut("/verification/{indicator}", Verify).WithSummary("Verifier adjusts a score with a reason").ProducesProblems(NotFound, Forbidden, Conflict);
        f02.MapGet("/index", GetIndex).WithSummary("The IPP now: final layer (verifier ?? evaluator), category, aspect sub-scores, F03")
            .ProducesProblems(NotFound);
    }

    private static async Task<Results<Ok<F01View>, ValidationProblem, ProblemHttpResult>> GetF01(Guid id, FormOperations forms, CancellationToken ct) =>
        (await forms.F01Async(id, ct)).OkOrInvalid();

    private static async Task<Results<Ok<F01Answer>, ValidationProblem, ProblemHttpResult>> AnswerF01(Guid id, string indicator,
        F01AnswerRequest request, FormOperations forms, CancellationToken ct) =>
        (await forms.AnswerF01Async(id, indicator, request, ct)).OkOrInvalid();

    private static async Task<Results<Ok<EvaluationSummary>, ValidationProblem, ProblemHttpResult>> SubmitF01(Guid id, FormOperations forms,
        CancellationToken ct) =>
        (await forms.SubmitF01Async(id, ct)).OkOrInvalid();

    private static async Task<Results<Ok<EvaluationSummary>, ValidationProblem, ProblemHttpResult>> ReturnF01(Guid id, ReturnRequest request,
        FormOperations forms, CancellationToken ct) =>
        (await forms.ReturnF01Async(id, request, ct)).OkOrInvalid();

    private static async Task<Results<Created<DocumentInfo>, ValidationProblem, ProblemHttpResult>> Upload(Guid id, IFormFile? file,
        FormOperations forms, CancellationToken ct) =>
        (await forms.UploadAsync(id, file, ct)).Created(d => $"/api/evaluations/{id}/documents/{d.Id}");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(Guid id, Guid documentId, FormOperations forms,
        HttpResponse response, CancellationToken ct)
    {
        var outcome = await forms.DocumentAsync(id, documentId, ct);
        if (outcome.Refusal is { } refusal)
        {
            return OutcomeResults.Problem(refusal);
        }
        var d = outcome.Value!;
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(d.Content, d.ContentType, Uploads.SafeFileName(d.FileName, "document"));
    }

    private static async Task<Results<Ok<F02View>, ValidationProblem, ProblemHttpResult>> GetF02(Guid id, FormOperations forms, CancellationToken ct) =>
        (await forms.F02Async(id, ct)).OkOrInvalid();

    private static async Task<Results<Ok<F02Score>, ValidationProblem, ProblemHttpResult>> ScoreF02(Guid id, string indicator,
        F02ScoreRequest request, FormOperations forms, CancellationToken ct) =>
        (await forms.ScoreF02Async(id, indicator, request, ct)).OkOrInvalid();

    private static async Task<Results<Ok<EvaluationSummary>, ValidationProblem, ProblemHttpResult>> CompleteF02(Guid id, FormOperations forms,
        CancellationToken ct) =>
        (await forms.CompleteF02Async(id, ct)).OkOrInvalid();

    private static async Task<Results<Ok<VerifiedScore>, ValidationProblem, ProblemHttpResult>> Verify(Guid id, string indicator,
        VerificationRequest request, FormOperations forms, CancellationToken ct) =>
        (await forms.VerifyAsync(id, indicator, request, ct)).OkOrInvalid();

    private static async Task<Results<Ok<IndexResult>, ValidationProblem, ProblemHttpResult>> GetIndex(Guid id, FormOperations forms,
        CancellationToken ct) =>
        (await forms.IndexAsync(id, ct)).OkOrInvalid();
}
