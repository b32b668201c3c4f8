namespace Tinjau.Inspections.Api.Apis;

/// <summary>Visits: check-in, offline-friendly submission, evidence, amendments, the hash-chained record.</summary>
public static class VisitsApi
{
    public static RouteGroupBuilder MapVisitsApi(this IEndpointRouteBuilder routes)
    {
        var visits = routes.MapGroup("/api/inspections/visits").WithTags("Visits").RequireAuthorization(Policies.Authenticated);
        visits.MapPost("/", CheckIn).WithSummary("Check in on site and start a visit (satgas); out-of-hours or far-away check-ins are flagged")
            .RequireSatgas("Only the satgas checks in.")
            .ProducesProblems(StatusCodes.Status409Conflict);
        visits.MapPut("/{id:guid}/submission", Submit).WithSummary("Submit a whole visit in one request; idempotent (satgas)")
            .WithDescription("application/json, or multipart/form-data with the JSON in field 'submission' and one file part per evidence id.")
            .RequireSatgas("Only the satgas submits visits.")
            .ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge);
        visits.MapGet("/", ListVisits).WithSummary("List visits the caller may see");
        visits.MapGet("/{id:guid}", GetVisit).WithSummary("Get a visit")
            .ProducesProblems(StatusCodes.Status404NotFound);
        visits.MapGet("/{id:guid}/evidence/{evidenceId:guid}", GetEvidence).WithSummary("Download an evidence file")
            .ProducesProblems(StatusCodes.Status404NotFound);
        visits.MapPost("/{id:guid}/amendments", Amend).WithSummary("Append a correction to a submitted visit (satgas)")
            .RequireSatgas("Only the satgas amends visits.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        // Who may act is answered before what was sent: a role that may not confirm gets 403, never a field error.
        visits.MapPost("/{id:guid}/backdating-confirmation", ConfirmBackdating)
            .WithSummary("A satgas lead confirms a backdated visit took place when its device says (satgas lead, admin)")
            .RequireSatgas("A satgas lead or an admin confirms a backdated visit.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        visits.MapGet("/{id:guid}/verify-chain", VerifyChain).WithSummary("Verify the visit's hash-chained record against the stored rows")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return visits;
    }

    public static async Task<Results<Created<VisitView>, Ok<VisitView>, ValidationProblem, ProblemHttpResult>> CheckIn(CheckInRequest request,
        VisitCheckIn checkIn, CancellationToken ct) =>
        (await checkIn.CheckInAsync(request, ct)).CreatedOrOk(Location);

    public static async Task<Results<Created<VisitView>, Ok<VisitView>, ValidationProblem, ProblemHttpResult>> Submit(Guid id, HttpContext http,
        VisitSubmission submission, IOptions<InspectionsOptions> options, CancellationToken ct)
    {
        var body = await SubmissionBody.ReadAsync(http, options.Value, ct);
        Outcome<VisitView> outcome = body.Refusal is { } unreadable ? unreadable : await submission.SubmitAsync(id, body.Json!, body.Files, ct);
        return outcome.CreatedOrOk(Location);
    }

    public static async Task<Ok<VisitPage>> ListVisits(VisitReads visits, Guid? unitId, DateOnly? from, DateOnly? to, string? status,
        CancellationToken ct) =>
        TypedResults.Ok(await visits.ListAsync(unitId, from, to, status, ct));

    public static async Task<Results<Ok<VisitView>, ProblemHttpResult>> GetVisit(Guid id, VisitReads visits, CancellationToken ct) =>
        (await visits.GetAsync(id, ct)).Ok();

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetEvidence(Guid id, Guid evidenceId, HttpContext http,
        VisitReads visits, CancellationToken ct)
    {
        var outcome = await visits.EvidenceAsync(id, evidenceId, ct);
        if (outcome.Value is not { } file)
        {
            return OutcomeResults.Problem(outcome.Refusal!);
        }
        http.Response.Headers["X-Content-SHA256"] = file.Sha256;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file.Bytes, file.ContentType, file.FileName);
    }

    public static async Task<Results<Created<AmendmentView>, Ok<AmendmentView>, ValidationProblem, ProblemHttpResult>> Amend(Guid id,
        AmendmentRequest request, VisitAmendments amendments, CancellationToken ct) =>
        (await amendments.AmendAsync(id, request, ct)).CreatedOrOk(_ => $"/api/inspections/visits/{id}");

    public static async Task<Results<Ok<VisitView>, ValidationProblem, ProblemHttpResult>> ConfirmBackdating(Guid id,
        BackdatingConfirmationRequest request, VisitAmendments amendments, CancellationToken ct) =>
        (await amendments.ConfirmBackdatingAsync(id, request, ct)).OkOrInvalid();

    public static async Task<Results<Ok<ChainVerificationView>, ProblemHttpResult>> VerifyChain(Guid id, VisitReads visits, CancellationToken ct) =>
        (await visits.VerifyChainAsync(id, ct)).Ok();

    private static string Location(VisitView visit) => $"/api/inspections/visits/{visit.Id}";
}
