using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tinjau.Evaluations.Api.Application;
using Tinjau.Evaluations.Api.Data;
using Tinjau.Evaluations.Api.Domain;
using Tinjau.Evaluations.Api.Infrastructure;

namespace Tinjau.Evaluations.Api.Apis;

public sealed record CycleRequest(int? Year, string? Name, bool? Mandiri, string? InstrumentCode, int? InstrumentVersion, CycleSchedule? Schedule);

public sealed record CycleResponse(Guid Id, int Year, string Name, bool Mandiri, string Instrument, Guid InstrumentId, CycleSchedule Schedule,
    IReadOnlyList<EvaluationSummary> Units, DateTimeOffset CreatedAt);

public sealed record TeamMemberRequest(string? SubjectId, string? Name, string? Role);

public sealed record AddUnitRequest(Guid? UnitId, List<TeamMemberRequest>? Team);

public sealed record EvaluationSummary(Guid Id, Guid CycleId, Guid UnitId, string UnitCode, string UnitName, int Year, bool Mandiri, string Status,
    IReadOnlyList<TeamMember> Team, string? ReturnReason, int Submissions, DateTimeOffset? SubmittedAt, string? BeritaAcaraSha256,
    IReadOnlyList<Signature> Signatures, decimal? FinalIpp, string? FinalCategory, string? FinalCategoryLabel, DateTimeOffset? FinalizedAt,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static EvaluationSummary From(Evaluation e) => new(e.Id, e.CycleId, e.UnitId, e.UnitCode, e.UnitName, e.Year, e.Mandiri, e.Status.ToName(),
        e.Team, e.ReturnReason, e.Submissions, e.SubmittedAt, e.BeritaAcaraSha256, e.Signatures, e.FinalIpp, e.FinalCategory, e.FinalCategoryLabel,
        e.FinalizedAt, e.CreatedAt, e.UpdatedAt);
}

public static class CyclesApi
{
    public static void Map(RouteGroupBuilder staff, RouteGroupBuilder evaluators, RouteGroupBuilder cityWide)
    {
        staff.MapPost("/cycles", Create).WithTags("Cycles")
            .WithSummary("Open an evaluation cycle for a year (evaluators; a unit head may open a mandiri cycle)");
        cityWide.MapGet("/cycles", List).WithTags("Cycles").WithSummary("Cycles, optionally of one year");
        cityWide.MapGet("/cycles/{id:guid}", Get).WithTags("Cycles").WithSummary("A cycle with its units (lokus) and their status");
        staff.MapPost("/cycles/{id:guid}/units", AddUnit).WithTags("Cycles")
            .WithSummary("Add a unit (lokus) with its evaluator team: lead, members, verifiers (mandiri: the unit's head adds their own unit)");
        staff.MapGet("/", ListEvaluations).WithTags("Evaluations")
            .WithSummary("Evaluations, filtered by year, cycle or unit (unit staff see their own unit only)");
        staff.MapGet("/{id:guid}", GetEvaluation).WithTags("Evaluations").WithSummary("An evaluation: status, team, signatures, final result");
    }

    private static bool IsEvaluator(ClaimsPrincipal user) => user.IsInRole(TinjauRoles.Evaluator) || user.IsInRole(TinjauRoles.Admin);

    private static async Task<IResult> Create(CycleRequest request, ClaimsPrincipal user, EvaluationsDbContext db, CityClock clock, CancellationToken ct)
    {
        var mandiri = request.Mandiri ?? false;
        if (!IsEvaluator(user) && !(mandiri && user.IsInRole(TinjauRoles.UnitHead)))
        {
            return Problems.Forbidden("Only evaluators open cycles; a unit head may open a mandiri cycle.");
        }
        var errors = new FieldErrors();
        if (request.Year is not (>= 2000 and <= 2100))
        {
            errors.Add("year", "A year from 2000 to 2100.");
        }
        errors.Required("name", request.Name, 200);
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
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var cycle = new Cycle
        {
            Id = Guid.CreateVersion7(clock.Now),
            Year = request.Year!.Value,
            Name = request.Name!.Trim(),
            InstrumentId = instrument!.Id,
            Mandiri = mandiri,
            Schedule = s ?? new CycleSchedule(null, null, null, null, null, null, null, null, null),
            CreatedBy = Access.Subject(user),
            CreatedAt = clock.Now,
        };
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/evaluations/cycles/{cycle.Id}", ToResponse(cycle, instrument, []));
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

    private static async Task<IResult> List(int? year, EvaluationsDbContext db, CancellationToken ct)
    {
        var cycles = await db.Cycles.AsNoTracking().Where(c => year == null || c.Year == year).OrderByDescending(c => c.Year).ThenBy(c => c.Name).ToListAsync(ct);
        var instruments = await db.Instruments.AsNoTracking().ToDictionaryAsync(i => i.Id, ct);
        return TypedResults.Ok(cycles.Select(c => ToResponse(c, instruments[c.InstrumentId], [])));
    }

    private static async Task<IResult> Get(Guid id, EvaluationsDbContext db, CancellationToken ct)
    {
        var cycle = await db.Cycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cycle is null)
        {
            return Problems.NotFound($"There is no cycle {id}.");
        }
        var instrument = await db.Instruments.AsNoTracking().FirstAsync(i => i.Id == cycle.InstrumentId, ct);
        var units = await db.Evaluations.AsNoTracking().IgnoreAutoIncludes().Where(e => e.CycleId == id).ToListAsync(ct);
        return TypedResults.Ok(ToResponse(cycle, instrument, units));
    }

    private static async Task<IResult> AddUnit(Guid id, AddUnitRequest request, ClaimsPrincipal user, EvaluationsDbContext db, IUnitRegistryClient units,
        CityClock clock, CancellationToken ct)
    {
        var cycle = await db.Cycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cycle is null)
        {
            return Problems.NotFound($"There is no cycle {id}.");
        }
        var errors = new FieldErrors();
        if (request.UnitId is null || request.UnitId == Guid.Empty)
        {
            errors.Add("unitId", "Required.");
        }
        var team = new List<TeamMember>();
        var requested = request.Team ?? [];
        for (var i = 0; i < requested.Count; i++)
        {
            var m = requested[i];
            if (m is null)
            {
                errors.Add($"team[{i}]", "Required.");
                continue;
            }
            errors.Required($"team[{i}].subjectId", m.SubjectId, 100);
            errors.Required($"team[{i}].name", m.Name, 200);
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
        if (!cycle.Mandiri && leads != 1)
        {
            errors.Add("team", "An external evaluation needs exactly one lead evaluator.");
        }
        if (cycle.Mandiri && leads > 1)
        {
            errors.Add("team", "At most one lead.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var unitId = request.UnitId!.Value;
        if (!IsEvaluator(user) && !(cycle.Mandiri && Access.IsHeadOf(user, unitId)))
        {
            return Problems.Forbidden("Only evaluators add units; in a mandiri cycle the head of the unit adds their own unit.");
        }
        var unit = await units.GetUnitAsync(unitId, ct);
        if (unit is null)
        {
            return Problems.Validation("unitId", $"The unit registry has no unit {unitId}.");
        }
        if (await db.Evaluations.AnyAsync(e => e.CycleId == id && e.UnitId == unitId, ct))
        {
            return Problems.Conflict($"Unit {unit.Code} is already in this cycle.");
        }
        var instrument = await db.Instruments.AsNoTracking().FirstAsync(i => i.Id == cycle.InstrumentId, ct);
        var evaluation = Evaluation.Start(Guid.CreateVersion7(clock.Now), cycle, instrument, unit.Id, unit.Code, unit.Name, team, clock.Now);
        db.Evaluations.Add(evaluation);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/evaluations/{evaluation.Id}", EvaluationSummary.From(evaluation));
    }

    private static async Task<IResult> ListEvaluations(int? year, Guid? cycleId, Guid? unitId, ClaimsPrincipal user, EvaluationsDbContext db,
        Access access, IUnitRegistryClient units, CancellationToken ct)
    {
        var query = db.Evaluations.AsNoTracking().IgnoreAutoIncludes()
            .Where(e => (year == null || e.Year == year) && (cycleId == null || e.CycleId == cycleId) && (unitId == null || e.UnitId == unitId));
        if (!Access.IsCityWide(user))
        {
            if (unitId is { } u)
            {
                if (!await access.IsUnitMemberAsync(user, u, ct))
                {
                    return Problems.Forbidden("Unit staff see the evaluations of their own unit only.");
                }
            }
            else
            {
                var own = user.GetUnitId();
                if (own is null)
                {
                    return TypedResults.Ok(Array.Empty<EvaluationSummary>());
                }
                var visible = user.IsInRole(TinjauRoles.UnitHead) ? (await units.GetSubtreeAsync(own.Value, ct)).ToList() : [own.Value];
                query = query.Where(e => visible.Contains(e.UnitId));
            }
        }
        var list = await query.OrderByDescending(e => e.Year).ThenBy(e => e.UnitCode).Take(500).ToListAsync(ct);
        return TypedResults.Ok(list.Select(EvaluationSummary.From));
    }

    private static async Task<IResult> GetEvaluation(Guid id, ClaimsPrincipal user, EvaluationLoader loader, CancellationToken ct)
    {
        var (e, problem) = await loader.LoadAsync(id, user, ct);
        return problem ?? TypedResults.Ok(EvaluationSummary.From(e!));
    }
}
