
namespace Tinjau.Inspections.Api.Application;

/// <summary>
/// Follow-up of findings: clarification request → the unit head answers → the satgas accepts or escalates →
/// sanction recommendation to the officer's direct superior → the superior's decision is recorded. Each step is
/// appended to the visit's hash-chained record; the answer and the decision are published through the outbox.
/// </summary>
public sealed class FollowUpOperations(InspectionsDb db, InspectionsScope scope, UnitRecordCache cache, IOptions<InspectionsOptions> options,
    UnitCalendars calendars, OfficerAbsences absences, TimeProvider clock)
{
    public async Task<Outcome<ClarificationView>> RequestClarificationAsync(Guid findingId, ClarificationRequestBody body, CancellationToken ct)
    {
        var errors = new FieldErrors().Check(body);
        var question = body.Question.Trimmed();
        if (errors.Any)
        {
            return Refusal.Invalid(errors);
        }
        var finding = await db.Findings.AsNoTracking().FirstOrDefaultAsync(f => f.Id == findingId, ct);
        if (finding is null)
        {
            return Refusal.NotFound();
        }
        var now = clock.GetUtcNow();
        var id = body.Id ?? Guid.CreateVersion7();
        if (await db.Clarifications.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } existing)
        {
            return existing.FindingId == findingId && existing.Question == question
                ? ClarificationView.From(existing, now, null)
                : Refusal.Conflict("Another clarification request already uses this id.");
        }
        if (await db.Clarifications.AnyAsync(c => c.FindingId == findingId
                                                  && (c.Status == ClarificationStatus.Open || c.Status == ClarificationStatus.Answered), ct))
        {
            return Refusal.Conflict("This finding already has a clarification request in progress.");
        }
        var zone = await db.Visits.VisibleTo(scope).AsNoTracking().Where(v => v.Id == finding.VisitId).Select(v => v.UnitTimeZone).FirstAsync(ct);
        var clarification = ClarificationRequest.Open(id, finding, question!, scope.Subject, now,
            await calendars.AddAsync(now, options.Value.ClarificationDueDays, zone, ct));
        db.Clarifications.Add(clarification);
        return Outcome<ClarificationView>.Created(await RecordAsync(clarification.VisitId, clarification.UnitId, "clarification-requested", new JsonObject
        {
            ["clarificationId"] = clarification.Id.ToString(),
            ["findingId"] = finding.Id.ToString(),
            ["question"] = clarification.Question,
            ["dueAt"] = Instants.Format(clarification.DueAt),
        }, now, () => ClarificationView.From(clarification, now, null), ct));
    }

    public async Task<Outcome<ClarificationView>> GetClarificationAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Clarifications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !await scope.ReadsUnitAsync(c.UnitId, ct))
        {
            return Refusal.NotFound();
        }
        var sanctionId = await db.Sanctions.AsNoTracking().Where(s => s.ClarificationId == id).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        return ClarificationView.From(c, clock.GetUtcNow(), sanctionId);
    }

    public async Task<Outcome<ClarificationView>> AnswerAsync(Guid id, AnswerBody body, CancellationToken ct)
    {
        var errors = new FieldErrors().Check(body);
        var answer = body.Answer.Trimmed();
        if (errors.Any)
        {
            return Refusal.Invalid(errors);
        }
        var c = await db.Clarifications.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !await scope.ReadsUnitAsync(c.UnitId, ct))
        {
            return Refusal.NotFound();
        }
        if (!await scope.AnswersForUnitAsync(c.UnitId, ct))
        {
            return Refusal.Forbidden("The head of the unit answers clarification requests.");
        }
        var now = clock.GetUtcNow();
        c.Respond(answer!, scope.Subject, now);
        return await RecordAsync(c.VisitId, c.UnitId, "clarification-answered", new JsonObject
        {
            ["clarificationId"] = c.Id.ToString(),
            ["answer"] = c.Answer,
            ["answeredLate"] = c.AnsweredLate,
        }, now, () => ClarificationView.From(c, now, null), ct);
    }

    public async Task<Outcome<ClarificationView>> AcceptAsync(Guid id, ReviewBody body, CancellationToken ct)
    {
        var c = await db.Clarifications.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return Refusal.NotFound();
        }
        var now = clock.GetUtcNow();
        c.Accept(body.Note.Trimmed(), scope.Subject, now);
        return await RecordAsync(c.VisitId, c.UnitId, "clarification-accepted", new JsonObject
        {
            ["clarificationId"] = c.Id.ToString(),
            ["note"] = c.ReviewNote,
        }, now, () => ClarificationView.From(c, now, null), ct);
    }

    public async Task<Outcome<SanctionView>> EscalateAsync(Guid id, EscalateBody body, CancellationToken ct)
    {
        var errors = new FieldErrors().Check(body);
        var superior = body.SuperiorName.Trimmed();
        var superiorPosition = body.SuperiorPosition.Trimmed();
        var note = body.Note.Trimmed();
        var level = Level(body.Level, errors);
        if (errors.Any)
        {
            return Refusal.Invalid(errors);
        }
        var c = await db.Clarifications.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return Refusal.NotFound();
        }
        var finding = await db.Findings.AsNoTracking().FirstAsync(f => f.Id == c.FindingId, ct);
        var officerId = body.OfficerId ?? finding.OfficerId;
        if (officerId is null)
        {
            return Refusal.Invalid("officerId", "the finding names no officer: give the officer at fault");
        }
        var officer = await db.Officers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == officerId, ct);
        if (officer is null || officer.UnitId != c.UnitId)
        {
            return Refusal.Invalid("officerId", "is not an officer recorded at this unit");
        }
        var visit = await db.Visits.VisibleTo(scope).AsNoTracking().Include(v => v.RecordEntries).FirstAsync(v => v.Id == c.VisitId, ct);
        var year = visit.LocalDate.Year;
        // No sanction rests on a backdated visit until a satgas lead has confirmed it.
        var unconfirmed = (await absences.UnconfirmedBackdatedAsync(officer.Id, year, ct)).Select(b => b.VisitId).ToHashSet();
        if (visit.NeedsBackdatingConfirmation)
        {
            unconfirmed.Add(visit.Id);
        }
        if (unconfirmed.Count > 0)
        {
            return Refusal.Conflict("Kunjungan bertanggal mundur belum dikonfirmasi ketua satgas / backdated visits not yet confirmed by a satgas lead: "
                                    + string.Join(", ", unconfirmed.Order()) + ". POST /api/inspections/visits/{id}/backdating-confirmation first.");
        }
        var days = await absences.UnexcusedDaysAsync(officer.Id, year, ct);
        var suggested = DisciplineLadder.Suggest(days.Count,
            DisciplineLadder.LongestConsecutiveRun(days, await calendars.ForYearsAsync(year, year, ct)));
        var chosen = level ?? suggested;
        if (chosen is null)
        {
            return Refusal.Invalid("level", $"the officer has {days.Count} unexcused absence day(s) in {year}, below the PP 94/2021 ladder: give the level");
        }
        var basis = level is null || level == suggested
            ? $"PP 94/2021: {days.Count} unexcused absence day(s) in {year}"
            : $"Set by the satgas; the PP 94/2021 ladder suggests {(suggested is { } s ? DisciplineLadder.Name(s) : "none")} for {days.Count} day(s) in {year}";
        var now = clock.GetUtcNow();
        c.Escalate(note, scope.Subject, now);
        var sanction = SanctionRecommendation.Recommend(body.SanctionId ?? Guid.CreateVersion7(), c, officer.Id, superior!, superiorPosition,
            chosen.Value, days.Count, basis, scope.Subject, now,
            await calendars.AddAsync(now, options.Value.SanctionDecisionDueDays, visit.UnitTimeZone, ct));
        db.Sanctions.Add(sanction);
        return Outcome<SanctionView>.Created(await RecordAsync(c.VisitId, c.UnitId, "sanction-recommended", new JsonObject
        {
            ["clarificationId"] = c.Id.ToString(),
            ["sanctionId"] = sanction.Id.ToString(),
            ["officerId"] = officer.Id.ToString(),
            ["level"] = DisciplineLadder.Name(sanction.RecommendedLevel),
            ["superiorName"] = sanction.SuperiorName,
            ["basis"] = sanction.Basis,
        }, now, () => SanctionView.From(sanction, officer.Name, now), ct));
    }

    /// <summary>Sanctions name an officer: satgas, leadership, admins and the head of the unit only.</summary>
    public async Task<Outcome<SanctionView>> GetSanctionAsync(Guid id, CancellationToken ct)
    {
        var s = await db.Sanctions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null || !await scope.SeesOfficersAsync(s.UnitId, ct))
        {
            return Refusal.NotFound();
        }
        return SanctionView.From(s, await OfficerNameAsync(s.OfficerId, ct), clock.GetUtcNow());
    }

    public async Task<Outcome<SanctionView>> DecideAsync(Guid id, DecisionBody body, CancellationToken ct)
    {
        var errors = new FieldErrors().Check(body);
        var decidedBy = body.DecidedBy.Trimmed();
        var note = body.Note.Trimmed();
        if (!Kebab.TryParse<SanctionDecision>(body.Decision, out var decision))
        {
            errors.Add("decision", "must be one of " + Kebab.Allowed<SanctionDecision>());
        }
        var level = Level(body.Level, errors);
        if (errors.Any)
        {
            return Refusal.Invalid(errors);
        }
        var s = await db.Sanctions.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null || !await scope.SeesOfficersAsync(s.UnitId, ct))
        {
            return Refusal.NotFound();
        }
        // The superior's decision is recorded by the satgas, or by the head of the unit (often the superior).
        if (!scope.IsSatgas && !await scope.AnswersForUnitAsync(s.UnitId, ct))
        {
            return Refusal.Forbidden("The satgas or the head of the unit records the superior's decision.");
        }
        var now = clock.GetUtcNow();
        s.RecordDecision(decision, level, decidedBy!, note, scope.Subject, now);
        var view = await RecordAsync(s.VisitId, s.UnitId, "sanction-decided", new JsonObject
        {
            ["sanctionId"] = s.Id.ToString(),
            ["decision"] = Kebab.Of(decision),
            ["level"] = s.DecidedLevel is { } dl ? DisciplineLadder.Name(dl) : null,
            ["decidedBy"] = s.DecidedByName,
            ["note"] = s.DecisionNote,
        }, now, () => s, ct);
        return SanctionView.From(view, await OfficerNameAsync(s.OfficerId, ct), now);
    }

    public async Task<FollowUpList> ListAsync(Guid? unitId, bool? overdueOnly, CancellationToken ct)
    {
        var (any, unit) = await scope.ListedUnitAsync(unitId, ct);
        if (!any)
        {
            return new FollowUpList([], []);
        }
        var now = clock.GetUtcNow();
        var clarifications = db.Clarifications.AsNoTracking()
            .Where(c => c.Status == ClarificationStatus.Open || c.Status == ClarificationStatus.Answered);
        var sanctions = db.Sanctions.AsNoTracking().Where(s => s.Status == SanctionStatus.AwaitingDecision);
        if (unit is { } u)
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
        var ss = scope.ListsSanctions ? await sanctions.OrderBy(s => s.DecisionDueAt).Take(500).ToListAsync(ct) : [];
        var officerIds = ss.Select(s => s.OfficerId).ToList();
        var names = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return new FollowUpList(cs.Select(c => ClarificationView.From(c, now, null)).ToList(),
            ss.Select(s => SanctionView.From(s, names.GetValueOrDefault(s.OfficerId), now)).ToList());
    }

    private static SanctionLevel? Level(string? value, FieldErrors errors)
    {
        if (value is null)
        {
            return null;
        }
        if (DisciplineLadder.TryParse(value, out var level))
        {
            return level;
        }
        errors.Add("level", "must be one of " + DisciplineLadder.Allowed);
        return null;
    }

    private Task<string?> OfficerNameAsync(Guid officerId, CancellationToken ct) =>
        db.Officers.AsNoTracking().Where(o => o.Id == officerId).Select(o => o.Name).FirstOrDefaultAsync(ct);

    /// <summary>Appends the step to the visit's record, saves (with the outbox rows added), invalidates the unit's record.</summary>
    private async Task<T> RecordAsync<T>(Guid visitId, Guid unitId, string kind, JsonObject payload, DateTimeOffset at, Func<T> view,
        CancellationToken ct)
    {
        var visit = await db.Visits.VisibleTo(scope).Include(v => v.RecordEntries).FirstAsync(v => v.Id == visitId, ct);
        visit.Append(kind, payload, scope.Subject, at);
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(unitId);
        return view();
    }
}
