using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tinjau.Evaluations.Api.Application;
using Tinjau.Evaluations.Api.Data;
using Tinjau.Evaluations.Api.Domain;
using Tinjau.Evaluations.Api.Infrastructure;
using Tinjau.Evaluations.Contracts;
using Tinjau.Messaging;

namespace Tinjau.Evaluations.Api.Apis;

public sealed record SignRequest(string? As, string? DocumentSha256, string? Name);

public sealed record RequiredSignature(string As, string? SubjectId, string? Name, bool Signed);

public sealed record BeritaAcaraView(BeritaAcaraDocument Document, string Sha256, IReadOnlyList<Signature> Signatures,
    IReadOnlyList<RequiredSignature> Required, bool Complete, string PrintUrl);

public static class BeritaAcaraApi
{
    public static void Map(RouteGroupBuilder staff)
    {
        var r = staff.MapGroup("/{id:guid}/berita-acara").WithTags("Berita acara");
        r.MapPost("/", Generate).WithSummary("Generate the berita acara from the verified scores (regenerate only before the first signature)");
        r.MapGet("/", Get).WithSummary("The berita acara, its SHA-256 and signatures");
        r.MapGet("/print", Print).WithSummary("Printable HTML view");
        r.MapPost("/sign", Sign).WithSummary("Sign as lead, member or head-of-unit; the last signature finalizes and publishes EvaluationFinalized");
    }

    private static BeritaAcaraView View(Evaluation e) => new(e.BeritaAcara!, e.BeritaAcaraSha256!, e.Signatures,
        e.RequiredSignatures().Select(r => new RequiredSignature(r.As, r.SubjectId, e.Team.FirstOrDefault(t => t.SubjectId == r.SubjectId)?.Name,
            e.Signatures.Any(s => s.As == r.As && (r.SubjectId is null || s.SubjectId == r.SubjectId)))).ToList(),
        e.Status == EvaluationStatus.Finalized, $"/api/evaluations/{e.Id}/berita-acara/print");

    private static async Task<IResult> Generate(Guid id, ClaimsPrincipal user, EvaluationLoader loader, EvaluationIndex index, EvaluationsDbContext db,
        CityClock clock, CancellationToken ct)
    {
        var (e, problem) = await loader.LoadAsync(id, user, ct);
        if (problem is not null)
        {
            return problem;
        }
        if (!Access.CanScore(user, e!))
        {
            return EvaluationLoader.NotAllowed("generate the berita acara");
        }
        var instrument = await index.InstrumentOfAsync(e!, ct);
        var result = await index.ComputeAsync(e!, instrument, ct);
        var recommendations = await db.Recommendations.AsNoTracking().Where(r => r.EvaluationId == id).ToListAsync(ct);
        var document = BeritaAcaraWriter.Build(e!, instrument, result, recommendations, clock.Now);
        e!.IssueBeritaAcara(document, BeritaAcaraWriter.Sha256(document), clock.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(e));
    }

    private static async Task<IResult> Get(Guid id, ClaimsPrincipal user, EvaluationLoader loader, CancellationToken ct)
    {
        var (e, problem) = await loader.LoadAsync(id, user, ct);
        if (problem is not null)
        {
            return problem;
        }
        return e!.BeritaAcara is null ? Problems.NotFound("The berita acara has not been generated yet.") : TypedResults.Ok(View(e));
    }

    private static async Task<IResult> Print(Guid id, ClaimsPrincipal user, EvaluationLoader loader, CancellationToken ct)
    {
        var (e, problem) = await loader.LoadAsync(id, user, ct);
        if (problem is not null)
        {
            return problem;
        }
        return e!.BeritaAcara is null
            ? Problems.NotFound("The berita acara has not been generated yet.")
            : TypedResults.Content(BeritaAcaraWriter.Html(e.BeritaAcara, e.Signatures, e.RequiredSignatures()), "text/html; charset=utf-8");
    }

    private static async Task<IResult> Sign(Guid id, SignRequest request, ClaimsPrincipal user, EvaluationLoader loader, EvaluationIndex index,
        EvaluationsDbContext db, Scorecards scorecards, CityClock clock, CancellationToken ct)
    {
        var (e, problem) = await loader.LoadAsync(id, user, ct);
        if (problem is not null)
        {
            return problem;
        }
        var errors = new FieldErrors();
        if (request.As is null || !SignatureRoles.All.Contains(request.As))
        {
            errors.Add("as", $"One of: {string.Join(", ", SignatureRoles.All)}.");
        }
        errors.Required("documentSha256", request.DocumentSha256, 64);
        errors.Optional("name", request.Name, 200);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var allowed = request.As == SignatureRoles.HeadOfUnit
            ? Access.IsHeadOf(user, e!.UnitId)
            : e!.Team.Any(t => t.SubjectId == Access.Subject(user) && t.Role == request.As)
              && (user.IsInRole(TinjauRoles.Evaluator) || user.IsInRole(TinjauRoles.Admin) || e.Mandiri);
        if (!allowed)
        {
            return Problems.Forbidden(request.As == SignatureRoles.HeadOfUnit
                ? "Only the head of the evaluated unit signs as head-of-unit."
                : $"Only the team's {request.As} signs as {request.As}.");
        }
        var name = request.Name?.Trim() is { Length: > 0 } n ? n : e.Team.FirstOrDefault(t => t.SubjectId == Access.Subject(user))?.Name ?? Access.DisplayName(user);
        var complete = e.Sign(request.As!, Access.Subject(user), name, request.DocumentSha256!.Trim().ToLowerInvariant(), clock.Now);
        if (complete)
        {
            var instrument = await index.InstrumentOfAsync(e, ct);
            var result = await index.ComputeAsync(e, instrument, ct);
            e.Finalize(result, instrument, clock.Now);
        }
        await db.SaveChangesAsync(ct);
        if (complete)
        {
            await scorecards.InvalidateAsync(e.Year);
        }
        return TypedResults.Ok(View(e));
    }
}
