using Microsoft.Extensions.Options;

namespace Tinjau.Evaluations.Api.Application;

/// <summary>
/// What the platform's own data says of a unit: complaint and sidak evidence, the Ombudsman readiness checklist and
/// predicted zone (<see cref="OmbudsmanRules"/>), the early warning list, and scorecards (<see cref="Scorecards"/>).
/// </summary>
public sealed class InsightOperations(EvaluationsScope scope, EvaluationsDbContext db, PlatformEvidenceQueries evidence,
    IOptions<OmbudsmanOptions> ombudsman, Scorecards scorecards, CityClock clock)
{
    private int YearOr(int? year) => year ?? clock.Today.Year;

    /// <summary>City-wide readers and the unit's own people; others get 403.</summary>
    private async Task<Outcome<T>> ReadableAsync<T>(Guid unitId, Func<Task<Outcome<T>>> then, CancellationToken ct) =>
        await scope.CanReadUnitAsync(unitId, ct) ? await then() : Refusal.Forbidden("Unit staff see their own unit only.");

    public Task<Outcome<PlatformEvidenceView>> EvidenceAsync(Guid unitId, int? year, CancellationToken ct) =>
        ReadableAsync<PlatformEvidenceView>(unitId, async () =>
        {
            var y = YearOr(year);
            return new PlatformEvidenceView(y, await evidence.ComplaintsAsync(unitId, y, ct), await evidence.SidakAsync(unitId, y, ct));
        }, ct);

    /// <summary>
    /// The checklist of <paramref name="year"/>; a year with no record of its own shows the latest earlier year's
    /// answers as a starting point (<c>CarriedFrom</c>), which count as not filled until saved for the year.
    /// </summary>
    private async Task<ChecklistView> ChecklistOfAsync(Guid unitId, int year, CancellationToken ct)
    {
        var stored = await db.OmbudsmanChecklists.AsNoTracking().Where(c => c.UnitId == unitId && c.Year <= year)
            .OrderByDescending(c => c.Year).FirstOrDefaultAsync(ct);
        var own = stored?.Year == year;
        var items = ombudsman.Value.EffectiveItems.Select(d =>
        {
            var a = stored?.Items.FirstOrDefault(x => x.Code == d.Code);
            return new ChecklistItemView(d.Code, d.Text, a?.Met ?? false, a?.Note);
        }).ToList();
        return new ChecklistView(unitId, items, own ? items.Count(i => i.Met) : 0, items.Count, own ? stored!.UpdatedAt : null, year,
            own ? null : stored?.Year);
    }

    public Task<Outcome<ChecklistView>> ChecklistAsync(Guid unitId, int? year, CancellationToken ct) =>
        ReadableAsync<ChecklistView>(unitId, async () => await ChecklistOfAsync(unitId, YearOr(year), ct), ct);

    public async Task<Outcome<ChecklistView>> RecordChecklistAsync(Guid unitId, int? year, ChecklistRequest request, CancellationToken ct)
    {
        var y = YearOr(year);
        if (!await scope.WorksForUnitAsync(unitId, ct))
        {
            return Refusal.Forbidden("Only the unit's own staff record its checklist.");
        }
        var errors = new FieldErrors().Check(request);
        var definitions = ombudsman.Value.EffectiveItems;
        var items = request.Items ?? [];
        var answers = new List<ChecklistAnswer>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item?.Code is null || definitions.All(d => d.Code != item.Code))
            {
                errors.Add($"items[{i}].code", $"One of: {string.Join(", ", definitions.Select(d => d.Code))}.");
                continue;
            }
            if (item.Met is null)
            {
                errors.Add($"items[{i}].met", "Required.");
            }
            answers.Add(new ChecklistAnswer(item.Code, item.Met ?? false, item.Note));
        }
        if (Refusal.Of(errors) is { } invalid)
        {
            return invalid;
        }
        var checklist = await db.OmbudsmanChecklists.FirstOrDefaultAsync(c => c.UnitId == unitId && c.Year == y, ct);
        if (checklist is null)
        {
            checklist = new OmbudsmanChecklist { UnitId = unitId, Year = y };
            db.OmbudsmanChecklists.Add(checklist);
        }
        checklist.Items = checklist.Items.Where(x => answers.All(a => a.Code != x.Code)).Concat(answers).ToList();
        checklist.UpdatedBy = scope.Subject;
        checklist.UpdatedAt = clock.Now;
        await db.SaveChangesAsync(ct);
        return await ChecklistOfAsync(unitId, y, ct);
    }

    private async Task<ReadinessView> ReadinessOfAsync(Guid unitId, int year, CancellationToken ct)
    {
        var checklist = await ChecklistOfAsync(unitId, year, ct);
        var complaints = await evidence.ComplaintsAsync(unitId, year, ct);
        var sidak = await evidence.SidakAsync(unitId, year, ct);
        var ipp = await db.Evaluations.AsNoTracking().IgnoreAutoIncludes()
            .Where(e => e.UnitId == unitId && e.Status == EvaluationStatus.Finalized && e.Year <= year)
            .OrderByDescending(e => e.Year).ThenByDescending(e => e.FinalizedAt).Select(e => e.FinalIpp).FirstOrDefaultAsync(ct);
        var result = OmbudsmanRules.Predict(checklist.UpdatedAt is null ? null : (decimal)checklist.Met / checklist.Total,
            complaints.WithinSlaShare, sidak.AverageCompliance, ipp, ombudsman.Value);
        return new ReadinessView(unitId, year, result.PredictedScore, result.Zone, result.Components, result.Rule, complaints, sidak, checklist,
            result.Missing);
    }

    public Task<Outcome<ReadinessView>> ReadinessAsync(Guid unitId, int? year, CancellationToken ct) =>
        ReadableAsync<ReadinessView>(unitId, async () => await ReadinessOfAsync(unitId, YearOr(year), ct), ct);

    public async Task<EarlyWarning> EarlyWarningAsync(int? year, CancellationToken ct)
    {
        var y = YearOr(year);
        var o = ombudsman.Value;
        var units = new HashSet<Guid>();
        units.UnionWith(await db.OmbudsmanChecklists.Where(c => c.Year == y).Select(c => c.UnitId).ToListAsync(ct));
        units.UnionWith(await db.ComplaintFacts.Where(f => f.ResolvedYear == y && f.UnitId != null).Select(f => f.UnitId!.Value).Distinct().ToListAsync(ct));
        units.UnionWith(await db.SidakVisits.Where(v => v.Year == y).Select(v => v.UnitId).Distinct().ToListAsync(ct));
        units.UnionWith(await db.Evaluations.IgnoreAutoIncludes().Where(e => e.Year == y).Select(e => e.UnitId).Distinct().ToListAsync(ct));
        var list = new List<ReadinessView>();
        foreach (var unit in units)
        {
            var r = await ReadinessOfAsync(unit, y, ct);
            if (r.PredictedScore is { } s && s < o.YellowFrom + o.WarningMargin)
            {
                list.Add(r);
            }
        }
        return new EarlyWarning(y, list.OrderBy(r => r.PredictedScore).ToList(),
            FormattableString.Invariant($"Units predicted red (< {o.YellowFrom}) or yellow within {o.WarningMargin} points of red, lowest first."));
    }

    public Task<List<UnitFigures>> UnitFiguresAsync(int? year, CancellationToken ct) => evidence.UnitFiguresAsync(YearOr(year), ct);

    public async Task<Ranking> RankingAsync(int? year, CancellationToken ct) => await scorecards.RankingAsync(YearOr(year), ct);

    /// <summary>A unit's scorecard of a year for staff: as <see cref="PublicScorecardAsync"/>, to those who may read the unit.</summary>
    public Task<Outcome<Scorecard>> ScorecardAsync(Guid unitId, int? year, CancellationToken ct) =>
        ReadableAsync(unitId, () => PublicScorecardAsync(unitId, year, ct), ct);

    /// <summary>A unit's scorecard of a year: finished, signed results only.</summary>
    public async Task<Outcome<Scorecard>> PublicScorecardAsync(Guid unitId, int? year, CancellationToken ct)
    {
        var y = YearOr(year);
        var card = (await scorecards.RankingAsync(y, ct)).Items.FirstOrDefault(i => i.UnitId == unitId);
        return card is null ? Refusal.NotFound($"Unit {unitId} has no finished, signed result for {y}.") : card;
    }
}
