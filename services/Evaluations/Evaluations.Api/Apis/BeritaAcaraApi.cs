using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tinjau.Evaluations.Api.Apis;

public sealed record SignRequest(string? As, [property: Required, StringLength(64)] string? DocumentSha256, [property: StringLength(200)] string? Name);

/// <summary>A signature the berita acara needs; <see cref="Turn"/>: it may be given now (members, then the lead, then the head of unit).</summary>
public sealed record RequiredSignature(string As, string? SubjectId, string? Name, bool Signed, bool Turn);

/// <summary>The berita acara; <see cref="CallerMaySignAs"/>: the roles the caller may sign in now (their turn, theirs to sign).</summary>
public sealed record BeritaAcaraView(BeritaAcaraDocument Document, string Sha256, IReadOnlyList<Signature> Signatures,
    IReadOnlyList<RequiredSignature> Required, bool Complete, string PrintUrl, IReadOnlyList<string> CallerMaySignAs)
{
    public static BeritaAcaraView From(Evaluation e, EvaluationsScope scope) => new(e.BeritaAcara!, e.BeritaAcaraSha256!, e.Signatures,
        e.RequiredSignatures().Select(r =>
        {
            var signed = e.Signatures.Any(s => s.As == r.As && (r.SubjectId is null || s.SubjectId == r.SubjectId));
            return new RequiredSignature(r.As, r.SubjectId, e.Team.FirstOrDefault(t => t.SubjectId == r.SubjectId)?.Name, signed,
                !signed && e.AwaitsSignature(r.As, r.SubjectId ?? ""));
        }).ToList(),
        e.Status == EvaluationStatus.Finalized, $"/api/evaluations/{e.Id}/berita-acara/print",
        SignatureRoles.All.Where(role => scope.MaySign(e, role) && e.AwaitsSignature(role, scope.Subject)).ToList());
}

/// <summary>The berita acara and its signatures; what each does is in <see cref="BeritaAcaraSigning"/>.</summary>
public static class BeritaAcaraApi
{
    public static void Map(RouteGroupBuilder staff)
    {
        var r = staff.MapGroup("/{id:guid}/berita-acara").WithTags("Berita acara");
        r.MapPost("/", Generate).WithSummary("Generate the berita acara from the verified scores (regenerate only before the first signature)")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);
        r.MapGet("/", Get).WithSummary("The berita acara, its SHA-256 and signatures").ProducesProblems(StatusCodes.Status404NotFound);
        r.MapGet("/print", Print).WithSummary("Printable HTML view").ProducesProblems(StatusCodes.Status404NotFound);
        r.MapPost("/sign", Sign).WithSummary("Sign as lead, member or head-of-unit; the last signature finalizes and publishes EvaluationFinalized")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<BeritaAcaraView>, ValidationProblem, ProblemHttpResult>> Generate(Guid id, BeritaAcaraSigning beritaAcara,
        CancellationToken ct) =>
        (await beritaAcara.GenerateAsync(id, ct)).OkOrInvalid();

    private static async Task<Results<Ok<BeritaAcaraView>, ValidationProblem, ProblemHttpResult>> Get(Guid id, BeritaAcaraSigning beritaAcara,
        CancellationToken ct) =>
        (await beritaAcara.GetAsync(id, ct)).OkOrInvalid();

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Print(Guid id, BeritaAcaraSigning beritaAcara, CancellationToken ct)
    {
        var html = await beritaAcara.PrintAsync(id, ct);
        return html.Refusal is { } refusal ? OutcomeResults.Problem(refusal) : TypedResults.Content(html.Value, "text/html; charset=utf-8");
    }

    private static async Task<Results<Ok<BeritaAcaraView>, ValidationProblem, ProblemHttpResult>> Sign(Guid id, SignRequest request,
        BeritaAcaraSigning beritaAcara, CancellationToken ct) =>
        (await beritaAcara.SignAsync(id, request, ct)).OkOrInvalid();
}
