using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tinjau.Evaluations.Api.Application;
using Tinjau.Evaluations.Api.Data;
using Tinjau.Evaluations.Api.Domain;
using Tinjau.Evaluations.Api.Infrastructure;

namespace Tinjau.Evaluations.Api.Apis;

public sealed record RecommendationRequest(string? Text, string? AspectCode, Guid? OwnerUnitId, DateOnly? DueOn, int? DueInWorkingDays);

public sealed record ProgressRequest(string? Progress);

public sealed record DoneRequest(string? Evidence, List<LinkRequest>? Links);

public sealed record RecommendationView(Guid Id, Guid EvaluationId, Guid EvaluatedUnitId, int Year, Guid OwnerUnitId, string? AspectCode, string Text,
    DateOnly DueOn, string Status, bool Overdue, string? Progress, string? DoneEvidence, IReadOnlyList<EvidenceLink> DoneLinks, DateTimeOffset? DoneAt,
    DateTimeOffset? OverdueNotifiedAt, DateTimeOffset CreatedAt)
{
    public static RecommendationView From(Recommendation r, DateOnly today) => new(r.Id, r.EvaluationId, r.EvaluatedUnitId, r.Year, r.OwnerUnitId,
        r.AspectCode, r.Text, r.DueOn, r.Status.ToName(), r.IsOverdue(today), r.Progress, r.DoneEvidence, r.DoneLinks, r.DoneAt, r.OverdueNotifiedAt,
        r.CreatedAt);
}

public static class RecommendationsApi
{
    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapPost("/{id:guid}/recommendations", Add).WithTags("Recommendations")
            .WithSummary("Add a recommendation with owner unit and due date (dueOn, or dueInWorkingDays on the owner's calendar)");
        staff.MapGet("/{id:guid}/recommendations", ListOfEvaluation).WithTags("Recommendations").WithSummary("Recommendations of an evaluation");
        staff.MapGet("/recommendations", List).WithTags("Recommendations")
            .WithSummary("Recommendations by owner unit, year, overdue (unit staff: their own unit)");
        staff.MapPost("/recommendations/{rid:guid}/start", Start).WithTags("Recommendations").WithSummary("The owner unit starts work on it");
        staff.MapPost("/recommendations/{rid:guid}/done", Done).WithTags("Recommendations").WithSummary("The owner unit reports it done, with evidence");
    }

    private static async Task<IResult> Add(Guid id, RecommendationRequest request, ClaimsPrincipal user, EvaluationLoader loader, EvaluationIndex index,
        EvaluationsDbContext db, IUnitRegistryClient units, CityClock clock, CancellationToken ct)
    {
        var (e, problem) = await loader.LoadAsync(id, user, ct);
        if (problem is not null)
        {
            return problem;
        }
        if (!Access.CanScore(user, e!))
        {
            return EvaluationLoader.NotAllowed("add recommendations");
        }
        var errors = new FieldErrors();
        errors.Required("text", request.Text, 4000);
        var instrument = await index.InstrumentOfAsync(e!, ct);
        if (request.AspectCode is not null && instrument.Aspects.All(a => a.Code != request.AspectCode))
        {
            errors.Add("aspectCode", $"One of: {string.Join(", ", instrument.Aspects.Select(a => a.Code))}.");
        }
        if ((request.DueOn is null) == (request.DueInWorkingDays is null))
        {
            errors.Add("dueOn", "Give either dueOn or dueInWorkingDays.");
        }
        if (request.DueInWorkingDays is < 1 or > 500)
        {
            errors.Add("dueInWorkingDays", "From 1 to 500.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        if (!e!.RecommendationsOpen)
        {
            return Problems.Conflict($"Recommendations are fixed once the berita acara is issued; the evaluation is {e.Status.ToName()}.");
        }
        var owner = request.OwnerUnitId ?? e.UnitId;
        if (owner != e.UnitId && await units.GetUnitAsync(owner, ct) is null)
        {
            return Problems.Validation("ownerUnitId", $"The unit registry has no unit {owner}.");
        }
        var dueOn = request.DueOn ?? await units.AddWorkingDaysAsync(owner, clock.Today, request.DueInWorkingDays!.Value, ct);
        var recommendation = new Recommendation
        {
            Id = Guid.CreateVersion7(clock.Now),
            EvaluationId = id,
            EvaluatedUnitId = e.UnitId,
            Year = e.Year,
            OwnerUnitId = owner,
            AspectCode = request.AspectCode,
            Text = request.Text!.Trim(),
            DueOn = dueOn,
            CreatedBy = Access.Subject(user),
            CreatedAt = clock.Now,
        };
        db.Recommendations.Add(recommendation);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/evaluations/recommendations/{recommendation.Id}", RecommendationView.From(recommendation, clock.Today));
    }

    private static async Task<IResult> ListOfEvaluation(Guid id, ClaimsPrincipal user, EvaluationLoader loader, EvaluationsDbContext db, CityClock clock,
        CancellationToken ct)
    {
        var (_, problem) = await loader.LoadAsync(id, user, ct);
        if (problem is not null)
        {
            return problem;
        }
        var list = await db.Recommendations.AsNoTracking().Where(r => r.EvaluationId == id).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(list.Select(r => RecommendationView.From(r, clock.Today)));
    }

    private static async Task<IResult> List(Guid? unitId, int? year, bool? overdue, ClaimsPrincipal user, Access access, EvaluationsDbContext db,
        CityClock clock, CancellationToken ct)
    {
        if (!Access.IsCityWide(user))
        {
            unitId ??= user.GetUnitId();
            if (unitId is null || !await access.IsUnitMemberAsync(user, unitId.Value, ct))
            {
                return Problems.Forbidden("Unit staff see the recommendations of their own unit only.");
            }
        }
        var today = clock.Today;
        var query = db.Recommendations.AsNoTracking().Where(r => (unitId == null || r.OwnerUnitId == unitId) && (year == null || r.Year == year));
        if (overdue == true)
        {
            query = query.Where(r => r.Status != RecommendationStatus.Done && r.DueOn < today);
        }
        var list = await query.OrderBy(r => r.DueOn).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(list.Select(r => RecommendationView.From(r, today)));
    }

    private static async Task<(Recommendation?, IResult?)> LoadForOwnerAsync(Guid rid, ClaimsPrincipal user, Access access, EvaluationsDbContext db,
        CancellationToken ct)
    {
        var r = await db.Recommendations.FirstOrDefaultAsync(x => x.Id == rid, ct);
        if (r is null || !(Access.IsCityWide(user) || await access.IsUnitMemberAsync(user, r.OwnerUnitId, ct)))
        {
            return (null, Problems.NotFound($"There is no recommendation {rid}."));
        }
        if (!Access.IsAdmin(user) && !await access.IsUnitMemberAsync(user, r.OwnerUnitId, ct))
        {
            return (null, Problems.Forbidden("Only the owner unit reports progress on a recommendation."));
        }
        return (r, null);
    }

    private static async Task<IResult> Start(Guid rid, ProgressRequest request, ClaimsPrincipal user, Access access, EvaluationsDbContext db,
        CityClock clock, CancellationToken ct)
    {
        var (r, problem) = await LoadForOwnerAsync(rid, user, access, db, ct);
        if (problem is not null)
        {
            return problem;
        }
        var errors = new FieldErrors();
        errors.Optional("progress", request.Progress, 4000);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        r!.Start(request.Progress);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RecommendationView.From(r, clock.Today));
    }

    private static async Task<IResult> Done(Guid rid, DoneRequest request, ClaimsPrincipal user, Access access, EvaluationsDbContext db,
        CityClock clock, CancellationToken ct)
    {
        var (r, problem) = await LoadForOwnerAsync(rid, user, access, db, ct);
        if (problem is not null)
        {
            return problem;
        }
        var errors = new FieldErrors();
        errors.Required("evidence", request.Evidence, 4000);
        var links = new List<EvidenceLink>();
        var requested = request.Links ?? [];
        for (var i = 0; i < requested.Count; i++)
        {
            if (requested[i]?.Url is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                errors.Add($"links[{i}].url", "An absolute http(s) URL.");
                continue;
            }
            links.Add(new EvidenceLink(url, requested[i].Title));
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        r!.Complete(request.Evidence!.Trim(), links, clock.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RecommendationView.From(r, clock.Today));
    }
}
