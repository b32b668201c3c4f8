using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tinjau.Evaluations.Api.Application;
using Tinjau.Evaluations.Api.Data;
using Tinjau.Evaluations.Api.Domain;
using Tinjau.Evaluations.Api.Infrastructure;

namespace Tinjau.Evaluations.Api.Apis;

public sealed record ChecklistItemView(string Code, string Text, bool Met, string? Note);

public sealed record ChecklistView(Guid UnitId, IReadOnlyList<ChecklistItemView> Items, int Met, int Total, DateTimeOffset? UpdatedAt);

public sealed record ChecklistRequest(List<ChecklistAnswerRequest>? Items);

public sealed record ChecklistAnswerRequest(string? Code, bool? Met, string? Note);

public sealed record ReadinessView(Guid UnitId, int Year, decimal? PredictedScore, string Zone, IReadOnlyList<ReadinessComponent> Components, string Rule,
    ComplaintStats Complaints, SidakStats Sidak, ChecklistView Checklist, IReadOnlyList<string> Missing);

public sealed record EarlyWarning(int Year, IReadOnlyList<ReadinessView> Units, string Rule);

public static class InsightsApi
{
    public static void Map(RouteGroupBuilder staff, RouteGroupBuilder cityWide, RouteGroupBuilder anonymous)
    {
        staff.MapGet("/evidence/units/{unitId:guid}", Evidence).WithTags("Platform evidence")
            .WithSummary("A unit's complaint and sidak record of a year (read models of Complaints and Inspections events)");

        staff.MapGet("/ombudsman/units/{unitId:guid}/checklist", GetChecklist).WithTags("Ombudsman readiness").WithSummary("The readiness checklist of a unit");
        staff.MapPut("/ombudsman/units/{unitId:guid}/checklist", PutChecklist).WithTags("Ombudsman readiness")
            .WithSummary("Record the checklist (unit staff/head of the unit)");
        staff.MapGet("/ombudsman/units/{unitId:guid}/readiness", Readiness).WithTags("Ombudsman readiness")
            .WithSummary("Predicted Ombudsman zone (green/yellow/red) from the platform's own data");
        cityWide.MapGet("/ombudsman/early-warning", EarlyWarningList).WithTags("Ombudsman readiness")
            .WithSummary("City-wide list of units predicted red, or yellow within the warning margin of red");

        cityWide.MapGet("/scorecards", Rankings).WithTags("Scorecards").WithSummary("City ranking of a year with per-aspect breakdown and trend (cached)");
        staff.MapGet("/scorecards/units/{unitId:guid}", UnitScorecard).WithTags("Scorecards").WithSummary("A unit's scorecard of a year");
        anonymous.MapGet("/public/scorecards", Rankings).WithTags("Public").WithSummary("Public ranking: finished, signed results only");
        anonymous.MapGet("/public/scorecards/units/{unitId:guid}", PublicUnitScorecard).WithTags("Public")
            .WithSummary("Public scorecard of a unit: finished, signed results only");
    }

    private static int YearOr(int? year, CityClock clock) => year ?? clock.Today.Year;

    private static async Task<IResult?> ReadableAsync(ClaimsPrincipal user, Guid unitId, Access access, CancellationToken ct) =>
        await access.CanReadUnitAsync(user, unitId, ct) ? null : Problems.Forbidden("Unit staff see their own unit only.");

    private static async Task<IResult> Evidence(Guid unitId, int? year, ClaimsPrincipal user, Access access, PlatformEvidenceQueries evidence,
        CityClock clock, CancellationToken ct)
    {
        if (await ReadableAsync(user, unitId, access, ct) is { } p)
        {
            return p;
        }
        var y = YearOr(year, clock);
        return TypedResults.Ok(new PlatformEvidenceView(y, await evidence.ComplaintsAsync(unitId, y, ct), await evidence.SidakAsync(unitId, y, ct)));
    }

    private static async Task<ChecklistView> ChecklistAsync(Guid unitId, EvaluationsDbContext db, OmbudsmanOptions options, CancellationToken ct)
    {
        var stored = await db.OmbudsmanChecklists.AsNoTracking().FirstOrDefaultAsync(c => c.UnitId == unitId, ct);
        var items = options.EffectiveItems.Select(d =>
        {
            var a = stored?.Items.FirstOrDefault(x => x.Code == d.Code);
            return new ChecklistItemView(d.Code, d.Text, a?.Met ?? false, a?.Note);
        }).ToList();
        return new ChecklistView(unitId, items, items.Count(i => i.Met), items.Count, stored?.UpdatedAt);
    }

    private static async Task<IResult> GetChecklist(Guid unitId, ClaimsPrincipal user, Access access, EvaluationsDbContext db,
        IOptions<OmbudsmanOptions> options, CancellationToken ct)
    {
        if (await ReadableAsync(user, unitId, access, ct) is { } p)
        {
            return p;
        }
        return TypedResults.Ok(await ChecklistAsync(unitId, db, options.Value, ct));
    }

    private static async Task<IResult> PutChecklist(Guid unitId, ChecklistRequest request, ClaimsPrincipal user, Access access, EvaluationsDbContext db,
        IOptions<OmbudsmanOptions> options, CityClock clock, CancellationToken ct)
    {
        if (!Access.IsAdmin(user) && !await access.IsUnitMemberAsync(user, unitId, ct))
        {
            return Problems.Forbidden("Only the unit's own staff record its checklist.");
        }
        var errors = new FieldErrors();
        var items = request.Items ?? [];
        var answers = new List<ChecklistAnswer>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item?.Code is null || options.Value.EffectiveItems.All(d => d.Code != item.Code))
            {
                errors.Add($"items[{i}].code", $"One of: {string.Join(", ", options.Value.EffectiveItems.Select(d => d.Code))}.");
                continue;
            }
            if (item.Met is null)
            {
                errors.Add($"items[{i}].met", "Required.");
            }
            errors.Optional($"items[{i}].note", item.Note, 2000);
            answers.Add(new ChecklistAnswer(item.Code, item.Met ?? false, item.Note));
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var checklist = await db.OmbudsmanChecklists.FirstOrDefaultAsync(c => c.UnitId == unitId, ct);
        if (checklist is null)
        {
            checklist = new OmbudsmanChecklist { UnitId = unitId };
            db.OmbudsmanChecklists.Add(checklist);
        }
        var merged = checklist.Items.Where(x => answers.All(a => a.Code != x.Code)).Concat(answers).ToList();
        checklist.Items = merged;
        checklist.UpdatedBy = Access.Subject(user);
        checklist.UpdatedAt = clock.Now;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ChecklistAsync(unitId, db, options.Value, ct));
    }

    private static async Task<ReadinessView> ReadinessOfAsync(Guid unitId, int year, EvaluationsDbContext db, PlatformEvidenceQueries evidence,
        OmbudsmanOptions options, CancellationToken ct)
    {
        var checklist = await ChecklistAsync(unitId, db, options, ct);
        var complaints = await evidence.ComplaintsAsync(unitId, year, ct);
        var sidak = await evidence.SidakAsync(unitId, year, ct);
        var ipp = await db.Evaluations.AsNoTracking().IgnoreAutoIncludes()
            .Where(e => e.UnitId == unitId && e.Status == EvaluationStatus.Finalized && e.Year <= year)
            .OrderByDescending(e => e.Year).ThenByDescending(e => e.FinalizedAt).Select(e => e.FinalIpp).FirstOrDefaultAsync(ct);
        var result = OmbudsmanRules.Predict(checklist.UpdatedAt is null ? null : (decimal)checklist.Met / checklist.Total,
            complaints.WithinSlaShare, sidak.AverageCompliance, ipp, options);
        return new ReadinessView(unitId, year, result.PredictedScore, result.Zone, result.Components, result.Rule, complaints, sidak, checklist,
            result.Missing);
    }

    private static async Task<IResult> Readiness(Guid unitId, int? year, ClaimsPrincipal user, Access access, EvaluationsDbContext db,
        PlatformEvidenceQueries evidence, IOptions<OmbudsmanOptions> options, CityClock clock, CancellationToken ct)
    {
        if (await ReadableAsync(user, unitId, access, ct) is { } p)
        {
            return p;
        }
        return TypedResults.Ok(await ReadinessOfAsync(unitId, YearOr(year, clock), db, evidence, options.Value, ct));
    }

    private static async Task<IResult> EarlyWarningList(int? year, EvaluationsDbContext db, PlatformEvidenceQueries evidence,
        IOptions<OmbudsmanOptions> options, CityClock clock, CancellationToken ct)
    {
        var y = YearOr(year, clock);
        var o = options.Value;
        var units = new HashSet<Guid>();
        units.UnionWith(await db.OmbudsmanChecklists.Select(c => c.UnitId).ToListAsync(ct));
        units.UnionWith(await db.ComplaintFacts.Where(f => f.ResolvedYear == y && f.UnitId != null).Select(f => f.UnitId!.Value).Distinct().ToListAsync(ct));
        units.UnionWith(await db.SidakVisits.Where(v => v.Year == y).Select(v => v.UnitId).Distinct().ToListAsync(ct));
        units.UnionWith(await db.Evaluations.IgnoreAutoIncludes().Where(e => e.Year == y).Select(e => e.UnitId).Distinct().ToListAsync(ct));
        var list = new List<ReadinessView>();
        foreach (var unit in units)
        {
            var r = await ReadinessOfAsync(unit, y, db, evidence, o, ct);
            if (r.PredictedScore is { } s && s < o.YellowFrom + o.WarningMargin)
            {
                list.Add(r);
            }
        }
        return TypedResults.Ok(new EarlyWarning(y, list.OrderBy(r => r.PredictedScore).ToList(),
            FormattableString.Invariant($"Units predicted red (< {o.YellowFrom}) or yellow within {o.WarningMargin} points of red, lowest first.")));
    }

    private static async Task<IResult> Rankings(int? year, Scorecards scorecards, CityClock clock, CancellationToken ct) =>
        TypedResults.Ok(await scorecards.RankingAsync(YearOr(year, clock), ct));

    private static async Task<IResult> UnitScorecard(Guid unitId, int? year, ClaimsPrincipal user, Access access, Scorecards scorecards, CityClock clock,
        CancellationToken ct)
    {
        if (await ReadableAsync(user, unitId, access, ct) is { } p)
        {
            return p;
        }
        return await PublicUnitScorecard(unitId, year, scorecards, clock, ct);
    }

    private static async Task<IResult> PublicUnitScorecard(Guid unitId, int? year, Scorecards scorecards, CityClock clock, CancellationToken ct)
    {
        var y = YearOr(year, clock);
        var ranking = await scorecards.RankingAsync(y, ct);
        var card = ranking.Items.FirstOrDefault(i => i.UnitId == unitId);
        return card is null ? Problems.NotFound($"Unit {unitId} has no finished, signed result for {y}.") : TypedResults.Ok(card);
    }
}
