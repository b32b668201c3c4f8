namespace Tinjau.Evaluations.Api.Application;

/// <summary>Evaluation cycles, the units (lokus) in them with their teams, and the evaluations a caller sees.</summary>
public sealed class CycleOperations(EvaluationLoader loader, EvaluationsScope scope, EvaluationsDbContext db, IUnitRegistryClient units,
    CityClock clock)
{
    public async Task<Outcome<CycleResponse>> CreateAsync(CycleRequest request, CancellationToken ct)
    {
        var mandiri = request.Mandiri ?? false;
        if (!scope.OpensCycle(mandiri))
        {
            return Refusal.Forbidden("Only evaluators open cycles; a unit head may open a mandiri cycle.");
        }
        var errors = new FieldErrors().Check(request);
        if (request.Year is not (>= 2000 and <= 2100))
        {
            errors.Add("year", "A year from 2000 to 2100.");
        }
        var s = request.Schedule;
        if (s is not null)
        {
            CheckRange(errors, "schedule.f01", s.F01Opens, s.F01Due);
            CheckRange(errors, "schedule.fieldVisits", s.FieldVisitsFrom, s.FieldVisitsTo);
            CheckRange(errors, "schedule.f03", s.F03From, s.F03To);
            CheckRange(errors, "schedule.verification", s.VerificationFrom, s.VerificationTo);
        }
        var code = (request.InstrumentCode ?? PekpppInstrumentV1.Code).ToUpperInvariant();
        var instrument = request.InstrumentVersion is { } v
            ? await db.Instruments.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code && i.Version == v, ct)
            : await db.Instruments.AsNoTracking().Where(i => i.Code == code).OrderByDescending(i => i.Version).FirstOrDefaultAsync(ct);
        if (instrument is null)
        {
            errors.Add("instrumentVersion", $"There is no instrument {code}{(request.InstrumentVersion is { } x ? $" version {x}" : "")}.");
        }
        if (Refusal.Of(errors) is { } invalid)
        {
            return invalid;
        }
        var cycle = new Cycle
        {
            Id = Guid.CreateVersion7(clock.Now),
            Year = request.Year!.Value,
            Name = request.Name!.Trim(),
            InstrumentId = instrument!.Id,
            Mandiri = mandiri,
            Schedule = s ?? new CycleSchedule(null, null, null, null, null, null, null, null, null),
            CreatedBy = scope.Subject,
            CreatedAt = clock.Now,
        };
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync(ct);
        return Outcome<CycleResponse>.Created(ToResponse(cycle, instrument, []));
    }

    private static void CheckRange(FieldErrors errors, string field, DateOnly? from, DateOnly? to)
    {
        if (from is { } f && to is { } t && t < f)
        {
            errors.Add(field, "The end lies before the start.");
        }
    }

    private static CycleResponse ToResponse(Cycle c, Instrument i, IEnumerable<Evaluation> units) =>
        new(c.Id, c.Year, c.Name, c.Mandiri, $"{i.Code} v{i.Version}", i.Id, c.Schedule,
            units.OrderBy(e => e.UnitCode, StringComparer.Ordinal).Select(EvaluationSummary.From).ToList(), c.CreatedAt);

    public async Task<IReadOnlyList<CycleResponse>> ListAsync(int? year, CancellationToken ct)
    {
        var cycles = await db.Cycles.AsNoTracking().Where(c => year == null || c.Year == year).OrderByDescending(c => c.Year).ThenBy(c => c.Name).ToListAsync(ct);
        var instruments = await db.Instruments.AsNoTracking().ToDictionaryAsync(i => i.Id, ct);
        return cycles.Select(c => ToResponse(c, instruments[c.InstrumentId], [])).ToList();
    }

    private async Task<Cycle?> CycleAsync(Guid id, CancellationToken ct) => await db.Cycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    private async Task<Instrument> InstrumentOfAsync(Cycle cycle, CancellationToken ct) =>
        await db.Instruments.AsNoTracking().FirstAsync(i => i.Id == cycle.InstrumentId, ct);

    public async Task<Outcome<CycleResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        if (await CycleAsync(id, ct) is not { } cycle)
        {
            return Refusal.NotFound($"There is no cycle {id}.");
        }
        var instrument = await InstrumentOfAsync(cycle, ct);
        var evaluations = await db.Evaluations.AsNoTracking().IgnoreAutoIncludes().Where(e => e.CycleId == id).ToListAsync(ct);
        return ToResponse(cycle, instrument, evaluations);
    }

    public async Task<Outcome<EvaluationSummary>> AddUnitAsync(Guid id, AddUnitRequest request, CancellationToken ct)
    {
        if (await CycleAsync(id, ct) is not { } cycle)
        {
            return Refusal.NotFound($"There is no cycle {id}.");
        }
        var errors = new FieldErrors().Check(request);
        if (request.UnitId is null || request.UnitId == Guid.Empty)
        {
            errors.Add("unitId", "Required.");
        }
        var team = CheckTeam(errors, request.Team ?? [], cycle.Mandiri);
        if (Refusal.Of(errors) is { } invalid)
        {
            return invalid;
        }
        var unitId = request.UnitId!.Value;
        if (!scope.AddsUnit(cycle, unitId))
        {
            return Refusal.Forbidden("Only evaluators add units; in a mandiri cycle the head of the unit adds their own unit.");
        }
        var unit = await units.GetUnitAsync(unitId, ct);
        if (unit is null)
        {
            return Refusal.Invalid("unitId", $"The unit registry has no unit {unitId}.");
        }
        if (await db.Evaluations.AnyAsync(e => e.CycleId == id && e.UnitId == unitId, ct))
        {
            return Refusal.Conflict($"Unit {unit.Code} is already in this cycle.");
        }
        var instrument = await InstrumentOfAsync(cycle, ct);
        var evaluation = Evaluation.Start(Guid.CreateVersion7(clock.Now), cycle, instrument, unit.Id, unit.Code, unit.Name, team, clock.Now);
        db.Evaluations.Add(evaluation);
        await db.SaveChangesAsync(ct);
        return Outcome<EvaluationSummary>.Created(EvaluationSummary.From(evaluation));
    }

    /// <summary>The team as asked: each person once with a known role; an external evaluation has exactly one lead, a mandiri one at most one.</summary>
    private static List<TeamMember> CheckTeam(FieldErrors errors, List<TeamMemberRequest> requested, bool mandiri)
    {
        var team = new List<TeamMember>();
        for (var i = 0; i < requested.Count; i++)
        {
            var m = requested[i];
            if (m is null)
            {
                errors.Add($"team[{i}]", "Required.");
                continue;
            }
            if (m.Role is null || !TeamRoles.All.Contains(m.Role))
            {
                errors.Add($"team[{i}].role", $"One of: {string.Join(", ", TeamRoles.All)}.");
            }
            if (m.SubjectId is not null && team.Any(t => t.SubjectId == m.SubjectId))
            {
                errors.Add($"team[{i}].subjectId", "A person is in the team once.");
            }
            team.Add(new TeamMember(m.SubjectId?.Trim() ?? "", m.Name?.Trim() ?? "", m.Role ?? ""));
        }
        var leads = team.Count(t => t.Role == TeamRoles.Lead);
        if (!mandiri && leads != 1)
        {
            errors.Add("team", "An external evaluation needs exactly one lead evaluator.");
        }
        if (mandiri && leads > 1)
        {
            errors.Add("team", "At most one lead.");
        }
        return team;
    }

    public async Task<Outcome<EvaluationSummary[]>> ListEvaluationsAsync(int? year, Guid? cycleId, Guid? unitId, CancellationToken ct)
    {
        var query = db.Evaluations.AsNoTracking().IgnoreAutoIncludes()
            .Where(e => (year == null || e.Year == year) && (cycleId == null || e.CycleId == cycleId) && (unitId == null || e.UnitId == unitId));
        if (!scope.IsCityWide)
        {
            if (unitId is { } u)
            {
                if (!await scope.IsUnitMemberAsync(u, ct))
                {
                    return Refusal.Forbidden("Unit staff see the evaluations of their own unit only.");
                }
            }
            else
            {
                var visible = await scope.OwnUnitsAsync(ct);
                if (visible.Count == 0)
                {
                    return Array.Empty<EvaluationSummary>();
                }
                query = query.Where(e => visible.Contains(e.UnitId));
            }
        }
        var list = await query.OrderByDescending(e => e.Year).ThenBy(e => e.UnitCode).Take(500).ToListAsync(ct);
        return list.Select(EvaluationSummary.From).ToArray();
    }

    public Task<Outcome<EvaluationSummary>> EvaluationAsync(Guid id, CancellationToken ct) =>
        loader.WithAsync<EvaluationSummary>(id, e => Task.FromResult<Outcome<EvaluationSummary>>(EvaluationSummary.From(e)), ct);
}
