using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tinjau.Inspections.Api.Data;
using Tinjau.Inspections.Api.Domain;
using Tinjau.Inspections.Api.Infrastructure;
using Tinjau.Inspections.Api.IntegrationEvents;
using Tinjau.Messaging;

namespace Tinjau.Inspections.Api.Apis;

public sealed record ClarificationRequestBody(Guid? Id, string? Question);

public sealed record AnswerBody(string? Answer);

public sealed record ReviewBody(string? Note);

/// <summary>Escalation: the officer (default: the one the finding names), the direct superior, and optionally a level.</summary>
public sealed record EscalateBody(Guid? SanctionId, string? Note, Guid? OfficerId, string? SuperiorName, string? SuperiorPosition, string? Level);

public sealed record DecisionBody(string? Decision, string? Level, string? DecidedBy, string? Note);

public sealed record ClarificationView(Guid Id, Guid FindingId, Guid VisitId, Guid UnitId, string Question, DateTimeOffset RequestedAt,
    DateTimeOffset DueAt, string Status, bool Overdue, string? Answer, DateTimeOffset? AnsweredAt, bool AnsweredLate, string? ReviewNote,
    DateTimeOffset? ReviewedAt, Guid? SanctionId)
{
    public static ClarificationView From(ClarificationRequest c, DateTimeOffset now, Guid? sanctionId) => new(c.Id, c.FindingId, c.VisitId,
        c.UnitId, c.Question, c.RequestedAt, c.DueAt, Kebab.Of(c.Status), c.IsOverdue(now), c.Answer, c.AnsweredAt, c.AnsweredLate,
        c.ReviewNote, c.ReviewedAt, sanctionId);
}

public sealed record SanctionView(Guid Id, Guid ClarificationId, Guid FindingId, Guid VisitId, Guid UnitId, Guid OfficerId, string? OfficerName,
    string SuperiorName, string? SuperiorPosition, string RecommendedLevel, string Gravity, int? UnexcusedDaysInYear, string Basis,
    DateTimeOffset RecommendedAt, DateTimeOffset DecisionDueAt, string Status, bool Overdue, string? Decision, string? DecidedLevel,
    string? DecidedBy, string? DecisionNote, DateTimeOffset? DecidedAt)
{
    public static SanctionView From(SanctionRecommendation s, string? officerName, DateTimeOffset now) => new(s.Id, s.ClarificationId, s.FindingId,
        s.VisitId, s.UnitId, s.OfficerId, officerName, s.SuperiorName, s.SuperiorPosition, DisciplineLadder.Name(s.RecommendedLevel),
        Kebab.Of(DisciplineLadder.Gravity(s.RecommendedLevel)), s.UnexcusedDaysInYear, s.Basis, s.RecommendedAt, s.DecisionDueAt,
        Kebab.Of(s.Status), s.IsOverdue(now), s.Decision is { } d ? Kebab.Of(d) : null,
        s.DecidedLevel is { } l ? DisciplineLadder.Name(l) : null, s.DecidedByName, s.DecisionNote, s.DecidedAt);
}

public sealed record FollowUpList(IReadOnlyList<ClarificationView> Clarifications, IReadOnlyList<SanctionView> Sanctions);

/// <summary>
/// Follow-up of findings: clarification request → the unit head answers → the satgas accepts or escalates →
/// sanction recommendation to the officer's direct superior → the superior's decision is recorded. Each step is
/// appended to the visit's hash-chained record.
/// </summary>
public static class FollowUpsApi
{
    public static RouteGroupBuilder MapFollowUpsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/inspections").WithTags("Follow-up").RequireAuthorization(Policies.Authenticated);
        api.MapPost("/findings/{findingId:guid}/clarifications", RequestClarification).WithSummary("Ask the unit to clarify a finding (satgas)");
        api.MapGet("/clarifications/{id:guid}", GetClarification).WithSummary("Get a clarification request");
        api.MapPost("/clarifications/{id:guid}/answer", Answer).WithSummary("The unit head answers (publishes ClarificationAnswered)");
        api.MapPost("/clarifications/{id:guid}/accept", Accept).WithSummary("The satgas accepts the answer (satgas)");
        api.MapPost("/clarifications/{id:guid}/escalate", Escalate)
            .WithSummary("The satgas escalates: a sanction recommendation (PP 94/2021) goes to the officer's direct superior");
        api.MapGet("/sanctions/{id:guid}", GetSanction).WithSummary("Get a sanction recommendation");
        api.MapPost("/sanctions/{id:guid}/decision", Decide).WithSummary("Record the direct superior's decision (publishes SanctionDecided)");
        api.MapGet("/follow-ups", ListFollowUps).WithSummary("Open follow-ups (clarifications, sanctions), overdue ones flagged");
        return api;
    }

    public static async Task<Results<Created<ClarificationView>, Ok<ClarificationView>, ValidationProblem, ProblemHttpResult>> RequestClarification(
        Guid findingId, ClarificationRequestBody body, HttpContext http, InspectionsDb db, UnitRecordCache cache,
        IOptions<InspectionsOptions> options, UnitCalendars calendars, TimeProvider clock, CancellationToken ct)
    {
        if (!http.User.IsSatgas())
        {
            return Problems.Forbidden("Only the satgas requests clarifications.");
        }
        var errors = new FieldErrors();
        var question = errors.Required(body.Question, "question", 4000);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var finding = await db.Findings.AsNoTracking().FirstOrDefaultAsync(f => f.Id == findingId, ct);
        if (finding is null)
        {
            return Problems.NotFound();
        }
        var now = clock.GetUtcNow();
        var id = body.Id ?? Guid.CreateVersion7();
        if (await db.Clarifications.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } existing)
        {
            return existing.FindingId == findingId && existing.Question == question
                ? TypedResults.Ok(ClarificationView.From(existing, now, null))
                : Problems.Conflict("Another clarification request already uses this id.");
        }
        if (await db.Clarifications.AnyAsync(c => c.FindingId == findingId
                                                  && (c.Status == ClarificationStatus.Open || c.Status == ClarificationStatus.Answered), ct))
        {
            return Problems.Conflict("This finding already has a clarification request in progress.");
        }
        var zone = await db.Visits.AsNoTracking().Where(v => v.Id == finding.VisitId).Select(v => v.UnitTimeZone).FirstAsync(ct);
        var clarification = ClarificationRequest.Open(id, finding, question!, http.User.Subject(), now,
            await calendars.AddAsync(now, options.Value.ClarificationDueDays, zone, ct));
        db.Clarifications.Add(clarification);
        await AppendToRecordAsync(db, clarification.VisitId, "clarification-requested", new JsonObject
        {
            ["clarificationId"] = clarification.Id.ToString(),
            ["findingId"] = finding.Id.ToString(),
            ["question"] = clarification.Question,
            ["dueAt"] = Instants.Format(clarification.DueAt),
        }, http.User.Subject(), now, ct);
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(clarification.UnitId);
        return TypedResults.Created($"/api/inspections/clarifications/{clarification.Id}", ClarificationView.From(clarification, now, null));
    }

    public static async Task<Results<Ok<ClarificationView>, ProblemHttpResult>> GetClarification(Guid id, HttpContext http, InspectionsDb db,
        Access access, TimeProvider clock, CancellationToken ct)
    {
        var c = await db.Clarifications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !await access.CanReadUnitAsync(http.User, c.UnitId, ct))
        {
            return Problems.NotFound();
        }
        var sanctionId = await db.Sanctions.AsNoTracking().Where(s => s.ClarificationId == id).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        return TypedResults.Ok(ClarificationView.From(c, clock.GetUtcNow(), sanctionId));
    }

    public static async Task<Results<Ok<ClarificationView>, ValidationProblem, ProblemHttpResult>> Answer(Guid id, AnswerBody body, HttpContext http,
        InspectionsDb db, Access access, UnitRecordCache cache, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var answer = errors.Required(body.Answer, "answer", 8000);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var c = await db.Clarifications.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !await access.CanReadUnitAsync(http.User, c.UnitId, ct))
        {
            return Problems.NotFound();
        }
        if (!await access.CanAnswerForUnitAsync(http.User, c.UnitId, ct))
        {
            return Problems.Forbidden("The head of the unit answers clarification requests.");
        }
        var now = clock.GetUtcNow();
        c.Respond(answer!, http.User.Subject(), now);
        db.AddIntegrationEvent(InspectionEvents.Answered(c, now));
        await AppendToRecordAsync(db, c.VisitId, "clarification-answered", new JsonObject
        {
            ["clarificationId"] = c.Id.ToString(),
            ["answer"] = c.Answer,
            ["answeredLate"] = c.AnsweredLate,
        }, http.User.Subject(), now, ct);
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(c.UnitId);
        return TypedResults.Ok(ClarificationView.From(c, now, null));
    }

    public static async Task<Results<Ok<ClarificationView>, ProblemHttpResult>> Accept(Guid id, ReviewBody body, HttpContext http, InspectionsDb db,
        UnitRecordCache cache, TimeProvider clock, CancellationToken ct)
    {
        if (!http.User.IsSatgas())
        {
            return Problems.Forbidden("Only the satgas reviews answers.");
        }
        var c = await db.Clarifications.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return Problems.NotFound();
        }
        var now = clock.GetUtcNow();
        c.Accept(VisitsApi.Trim(body.Note), http.User.Subject(), now);
        await AppendToRecordAsync(db, c.VisitId, "clarification-accepted", new JsonObject
        {
            ["clarificationId"] = c.Id.ToString(),
            ["note"] = c.ReviewNote,
        }, http.User.Subject(), now, ct);
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(c.UnitId);
        return TypedResults.Ok(ClarificationView.From(c, now, null));
    }

    public static async Task<Results<Created<SanctionView>, ValidationProblem, ProblemHttpResult>> Escalate(Guid id, EscalateBody body,
        HttpContext http, InspectionsDb db, UnitRecordCache cache, IOptions<InspectionsOptions> options, UnitCalendars calendars, TimeProvider clock,
        CancellationToken ct)
    {
        if (!http.User.IsSatgas())
        {
            return Problems.Forbidden("Only the satgas escalates.");
        }
        var errors = new FieldErrors();
        var superior = errors.Required(body.SuperiorName, "superiorName", 200);
        var superiorPosition = errors.Optional(body.SuperiorPosition, "superiorPosition", 200);
        var note = errors.Optional(body.Note, "note", 4000);
        SanctionLevel? level = null;
        if (body.Level is not null)
        {
            if (DisciplineLadder.TryParse(body.Level, out var l))
            {
                level = l;
            }
            else
            {
                errors.Add("level", "must be one of " + DisciplineLadder.Allowed);
            }
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var c = await db.Clarifications.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return Problems.NotFound();
        }
        var finding = await db.Findings.AsNoTracking().FirstAsync(f => f.Id == c.FindingId, ct);
        var officerId = body.OfficerId ?? finding.OfficerId;
        if (officerId is null)
        {
            return Problems.Validation("officerId", "the finding names no officer: give the officer at fault");
        }
        var officer = await db.Officers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == officerId, ct);
        if (officer is null || officer.UnitId != c.UnitId)
        {
            return Problems.Validation("officerId", "is not an officer recorded at this unit");
        }
        var visit = await db.Visits.AsNoTracking().Include(v => v.RecordEntries).FirstAsync(v => v.Id == c.VisitId, ct);
        var year = visit.LocalDate.Year;
        // No sanction rests on a backdated visit until a satgas lead has confirmed it.
        var unconfirmed = (await OfficersApi.UnconfirmedBackdatedAsync(db, officer.Id, year, ct)).Select(b => b.VisitId).ToHashSet();
        if (visit.NeedsBackdatingConfirmation)
        {
            unconfirmed.Add(visit.Id);
        }
        if (unconfirmed.Count > 0)
        {
            return Problems.Conflict("Kunjungan bertanggal mundur belum dikonfirmasi ketua satgas / backdated visits not yet confirmed by a satgas lead: "
                                     + string.Join(", ", unconfirmed.Order()) + ". POST /api/inspections/visits/{id}/backdating-confirmation first.");
        }
        var absences = await OfficersApi.UnexcusedDaysAsync(db, officer.Id, year, ct);
        var suggested = DisciplineLadder.Suggest(absences.Count,
            DisciplineLadder.LongestConsecutiveRun(absences, await calendars.ForYearsAsync(year, year, ct)));
        var chosen = level ?? suggested;
        if (chosen is null)
        {
            return Problems.Validation("level", $"the officer has {absences.Count} unexcused absence day(s) in {year}, below the PP 94/2021 ladder: give the level");
        }
        var basis = level is null || level == suggested
            ? $"PP 94/2021: {absences.Count} unexcused absence day(s) in {year}"
            : $"Set by the satgas; the PP 94/2021 ladder suggests {(suggested is { } s ? DisciplineLadder.Name(s) : "none")} for {absences.Count} day(s) in {year}";
        var now = clock.GetUtcNow();
        c.Escalate(note, http.User.Subject(), now);
        var sanction = SanctionRecommendation.Recommend(body.SanctionId ?? Guid.CreateVersion7(), c, officer.Id, superior!, superiorPosition,
            chosen.Value, absences.Count, basis, http.User.Subject(), now,
            await calendars.AddAsync(now, options.Value.SanctionDecisionDueDays, visit.UnitTimeZone, ct));
        db.Sanctions.Add(sanction);
        await AppendToRecordAsync(db, c.VisitId, "sanction-recommended", new JsonObject
        {
            ["clarificationId"] = c.Id.ToString(),
            ["sanctionId"] = sanction.Id.ToString(),
            ["officerId"] = officer.Id.ToString(),
            ["level"] = DisciplineLadder.Name(sanction.RecommendedLevel),
            ["superiorName"] = sanction.SuperiorName,
            ["basis"] = sanction.Basis,
        }, http.User.Subject(), now, ct);
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(c.UnitId);
        return TypedResults.Created($"/api/inspections/sanctions/{sanction.Id}", SanctionView.From(sanction, officer.Name, now));
    }

    public static async Task<Results<Ok<SanctionView>, ProblemHttpResult>> GetSanction(Guid id, HttpContext http, InspectionsDb db, Access access,
        TimeProvider clock, CancellationToken ct)
    {
        var s = await db.Sanctions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null || !await CanSeeSanctionAsync(http, access, s.UnitId, ct))
        {
            return Problems.NotFound();
        }
        var name = await db.Officers.AsNoTracking().Where(o => o.Id == s.OfficerId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        return TypedResults.Ok(SanctionView.From(s, name, clock.GetUtcNow()));
    }

    public static async Task<Results<Ok<SanctionView>, ValidationProblem, ProblemHttpResult>> Decide(Guid id, DecisionBody body, HttpContext http,
        InspectionsDb db, Access access, UnitRecordCache cache, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var decidedBy = errors.Required(body.DecidedBy, "decidedBy", 200);
        var note = errors.Optional(body.Note, "note", 4000);
        if (!Kebab.TryParse<SanctionDecision>(body.Decision, out var decision))
        {
            errors.Add("decision", "must be one of " + Kebab.Allowed<SanctionDecision>());
        }
        SanctionLevel? level = null;
        if (body.Level is not null)
        {
            if (DisciplineLadder.TryParse(body.Level, out var l))
            {
                level = l;
            }
            else
            {
                errors.Add("level", "must be one of " + DisciplineLadder.Allowed);
            }
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var s = await db.Sanctions.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null || !await CanSeeSanctionAsync(http, access, s.UnitId, ct))
        {
            return Problems.NotFound();
        }
        // The superior's decision is recorded by the satgas, or by the head of the unit (often the superior).
        if (!http.User.IsSatgas() && !await access.CanAnswerForUnitAsync(http.User, s.UnitId, ct))
        {
            return Problems.Forbidden("The satgas or the head of the unit records the superior's decision.");
        }
        var now = clock.GetUtcNow();
        s.RecordDecision(decision, level, decidedBy!, note, http.User.Subject(), now);
        db.AddIntegrationEvent(InspectionEvents.Decided(s, now));
        await AppendToRecordAsync(db, s.VisitId, "sanction-decided", new JsonObject
        {
            ["sanctionId"] = s.Id.ToString(),
            ["decision"] = Kebab.Of(decision),
            ["level"] = s.DecidedLevel is { } dl ? DisciplineLadder.Name(dl) : null,
            ["decidedBy"] = s.DecidedByName,
            ["note"] = s.DecisionNote,
        }, http.User.Subject(), now, ct);
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(s.UnitId);
        var name = await db.Officers.AsNoTracking().Where(o => o.Id == s.OfficerId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        return TypedResults.Ok(SanctionView.From(s, name, now));
    }

    public static async Task<Results<Ok<FollowUpList>, ProblemHttpResult>> ListFollowUps(Guid? unitId, bool? overdueOnly, HttpContext http,
        InspectionsDb db, Access access, TimeProvider clock, CancellationToken ct)
    {
        var user = http.User;
        if (!user.ReadsAllSubmitted())
        {
            unitId ??= user.GetUnitId();
            if (unitId is null || !await access.CanReadUnitAsync(user, unitId.Value, ct))
            {
                return TypedResults.Ok(new FollowUpList([], []));
            }
        }
        var now = clock.GetUtcNow();
        var clarifications = db.Clarifications.AsNoTracking()
            .Where(c => c.Status == ClarificationStatus.Open || c.Status == ClarificationStatus.Answered);
        var sanctions = db.Sanctions.AsNoTracking().Where(s => s.Status == SanctionStatus.AwaitingDecision);
        if (unitId is { } u)
        {
            clarifications = clarifications.Where(c => c.UnitId == u);
            sanctions = sanctions.Where(s => s.UnitId == u);
        }
        if (overdueOnly == true)
        {
            clarifications = clarifications.Where(c => c.Status == ClarificationStatus.Open && c.DueAt < now);
            sanctions = sanctions.Where(s => s.DecisionDueAt < now);
        }
        var cs = await clarifications.OrderBy(c => c.DueAt).Take(500).ToListAsync(ct);
        var seeSanctions = user.SeesPlans() || user.IsInRole(TinjauRoles.UnitHead);
        var ss = seeSanctions ? await sanctions.OrderBy(s => s.DecisionDueAt).Take(500).ToListAsync(ct) : [];
        var officerIds = ss.Select(s => s.OfficerId).ToList();
        var names = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return TypedResults.Ok(new FollowUpList(cs.Select(c => ClarificationView.From(c, now, null)).ToList(),
            ss.Select(s => SanctionView.From(s, names.GetValueOrDefault(s.OfficerId), now)).ToList()));
    }

    /// <summary>Sanctions name an officer: satgas, leadership, admins and the head of the unit only.</summary>
    private static async ValueTask<bool> CanSeeSanctionAsync(HttpContext http, Access access, Guid unitId, CancellationToken ct) =>
        http.User.SeesPlans() || (http.User.IsInRole(TinjauRoles.UnitHead) && await access.CoversUnitAsync(http.User, unitId, ct));

    private static async Task AppendToRecordAsync(InspectionsDb db, Guid visitId, string kind, JsonObject payload, string by, DateTimeOffset at,
        CancellationToken ct)
    {
        var visit = await db.Visits.Include(v => v.RecordEntries).FirstAsync(v => v.Id == visitId, ct);
        visit.Append(kind, payload, by, at);
    }
}
