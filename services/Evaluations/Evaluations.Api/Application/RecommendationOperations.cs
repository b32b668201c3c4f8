namespace Tinjau.Evaluations.Api.Application;

/// <summary>
/// Recommendations of an evaluation: added by its scorers until the berita acara is issued, worked on and reported
/// done by the owner unit; overdue ones are announced by <see cref="RecommendationOverdueSweep"/>.
/// </summary>
public sealed class RecommendationOperations(EvaluationLoader loader, EvaluationsScope scope, EvaluationIndex index, EvaluationsDbContext db,
    IUnitRegistryClient units, CityClock clock)
{
    public Task<Outcome<RecommendationView>> AddAsync(Guid id, RecommendationRequest request, CancellationToken ct) =>
        loader.WithAsync<RecommendationView>(id, (s, e) => s.CanScore(e), "add recommendations", async e =>
        {
            var errors = new FieldErrors().Check(request);
            var instrument = await index.InstrumentOfAsync(e, ct);
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
            if (Refusal.Of(errors) is { } invalid)
            {
                return invalid;
            }
            if (!e.RecommendationsOpen)
            {
                return Refusal.Conflict($"Recommendations are fixed once the berita acara is issued; the evaluation is {e.Status.ToName()}.");
            }
            var owner = request.OwnerUnitId ?? e.UnitId;
            if (owner != e.UnitId && await units.GetUnitAsync(owner, ct) is null)
            {
                return Refusal.Invalid("ownerUnitId", $"The unit registry has no unit {owner}.");
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
                CreatedBy = scope.Subject,
                CreatedAt = clock.Now,
            };
            db.Recommendations.Add(recommendation);
            await db.SaveChangesAsync(ct);
            return Outcome<RecommendationView>.Created(RecommendationView.From(recommendation, clock.Today));
        }, ct);

    public Task<Outcome<RecommendationView[]>> OfEvaluationAsync(Guid id, CancellationToken ct) => loader.WithAsync<RecommendationView[]>(id, async _ =>
    {
        var list = await db.Recommendations.AsNoTracking().Where(r => r.EvaluationId == id).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        return list.Select(r => RecommendationView.From(r, clock.Today)).ToArray();
    }, ct);

    public async Task<Outcome<RecommendationView[]>> ListAsync(Guid? unitId, int? year, bool? overdue, CancellationToken ct)
    {
        var (allowed, unit) = await scope.ListedUnitAsync(unitId, ct);
        if (!allowed)
        {
            return Refusal.Forbidden("Unit staff see the recommendations of their own unit only.");
        }
        var today = clock.Today;
        var query = db.Recommendations.AsNoTracking().Where(r => (unit == null || r.OwnerUnitId == unit) && (year == null || r.Year == year));
        if (overdue == true)
        {
            query = query.Where(r => r.Status != RecommendationStatus.Done && r.DueOn < today);
        }
        var list = await query.OrderBy(r => r.DueOn).Take(1000).ToListAsync(ct);
        return list.Select(r => RecommendationView.From(r, today)).ToArray();
    }

    public Task<Outcome<RecommendationView>> StartAsync(Guid rid, ProgressRequest request, CancellationToken ct) => AsOwnerAsync(rid, errors =>
    {
        errors.Check(request);
        return r => r.Start(request.Progress);
    }, ct);

    public Task<Outcome<RecommendationView>> DoneAsync(Guid rid, DoneRequest request, CancellationToken ct) => AsOwnerAsync(rid, errors =>
    {
        errors.Check(request);
        var links = new List<EvidenceLink>();
        var requested = request.Links ?? [];
        for (var i = 0; i < requested.Count; i++)
        {
            if (requested[i]?.Url is not { } url || !EvidenceLinks.IsWebUrl(url))
            {
                errors.Add($"links[{i}].url", "An absolute http(s) URL.");
                continue;
            }
            links.Add(new EvidenceLink(url, requested[i].Title));
        }
        return r => r.Complete(request.Evidence!.Trim(), links, clock.Now);
    }, ct);

    /// <summary>
    /// Progress is reported by the owner unit (or an admin): anyone who may not read it gets 404, a city-wide reader
    /// outside the unit 403. <paramref name="check"/> collects the request's field errors and gives the change to make.
    /// </summary>
    private async Task<Outcome<RecommendationView>> AsOwnerAsync(Guid rid, Func<FieldErrors, Action<Recommendation>> check, CancellationToken ct)
    {
        var r = await db.Recommendations.FirstOrDefaultAsync(x => x.Id == rid, ct);
        if (r is null || !await scope.CanReadUnitAsync(r.OwnerUnitId, ct))
        {
            return Refusal.NotFound($"There is no recommendation {rid}.");
        }
        if (!await scope.WorksForUnitAsync(r.OwnerUnitId, ct))
        {
            return Refusal.Forbidden("Only the owner unit reports progress on a recommendation.");
        }
        var errors = new FieldErrors();
        var change = check(errors);
        if (Refusal.Of(errors) is { } invalid)
        {
            return invalid;
        }
        change(r);
        await db.SaveChangesAsync(ct);
        return RecommendationView.From(r, clock.Today);
    }
}
