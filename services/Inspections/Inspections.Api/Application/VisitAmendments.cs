namespace Tinjau.Inspections.Api.Application;

/// <summary>What is appended to a submitted visit's record: amendments and the confirmation of a backdated visit.</summary>
public sealed class VisitAmendments(InspectionsDb db, InspectionsScope scope, UnitRecordCache cache, IOptions<InspectionsOptions> options,
    TimeProvider clock)
{
    public async Task<Outcome<AmendmentView>> AmendAsync(Guid id, AmendmentRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors().Check(request);
        var target = request.Target.Trimmed();
        var correction = request.Correction.Trimmed();
        var reason = request.Reason.Trimmed();
        if (request.Id == Guid.Empty)
        {
            errors.Add("id", "must not be the empty guid");
        }
        if (errors.Any)
        {
            return Refusal.Invalid(errors);
        }
        var visit = await db.Visits.VisibleTo(scope).LoadAsync(id, ct);
        if (visit is null)
        {
            return Refusal.NotFound();
        }
        if (!TargetExists(visit, target!))
        {
            return Refusal.Invalid("target", "must be summary, check-in, checklist:<item>, finding:<id>, attendance:<id> or evidence:<id> of this visit");
        }
        var amendmentId = request.Id ?? Guid.CreateVersion7();
        if (visit.Amendments.FirstOrDefault(a => a.Id == amendmentId) is { } existing)
        {
            return existing.SameAs(target!, correction!, reason!)
                ? ToView(existing)
                : Refusal.Conflict("Another amendment already uses this id.");
        }
        var amendment = visit.Amend(amendmentId, target!, correction!, reason!, scope.Subject, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Outcome<AmendmentView>.Created(ToView(amendment));
    }

    /// <summary>
    /// A satgas lead (<c>Inspections:SatgasLeads</c>; when none are configured, a satgas other than the one who submitted
    /// the visit) or an admin confirms a backdated visit; until then no sanction rests on it.
    /// </summary>
    public async Task<Outcome<VisitView>> ConfirmBackdatingAsync(Guid id, BackdatingConfirmationRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors().Check(request);
        var note = request.Note.Trimmed();
        if (errors.Any)
        {
            return Refusal.Invalid(errors);
        }
        var visit = await db.Visits.VisibleTo(scope).LoadAsync(id, ct);
        if (visit is null)
        {
            return Refusal.NotFound();
        }
        var leads = options.Value.SatgasLeads;
        var isLead = scope.IsAdmin || (scope.IsSatgas && (leads.Count > 0
            ? leads.Contains(scope.Subject, StringComparer.Ordinal)
            : visit.SubmittedBy != scope.Subject));
        if (!isLead)
        {
            return Refusal.Forbidden("A satgas lead (not the satgas who submitted the visit) or an admin confirms a backdated visit.");
        }
        visit.ConfirmBackdating(note!, scope.Subject, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(visit.UnitId);
        return scope.ViewFor(visit);
    }

    private static AmendmentView ToView(Amendment a) => new(a.Id, a.Target, a.Correction, a.Reason, a.By, a.At);

    private static bool TargetExists(SidakVisit visit, string target)
    {
        if (target is "summary" or "check-in")
        {
            return true;
        }
        var parts = target.Split(':', 2);
        if (parts.Length != 2)
        {
            return false;
        }
        return parts[0] switch
        {
            "checklist" => visit.Answers.Any(a => a.ItemCode == parts[1]),
            "finding" => Guid.TryParse(parts[1], out var f) && visit.Findings.Any(x => x.Id == f),
            "attendance" => Guid.TryParse(parts[1], out var a) && visit.Attendance.Any(x => x.Id == a),
            "evidence" => Guid.TryParse(parts[1], out var e) && visit.Evidence.Any(x => x.Id == e),
            _ => false,
        };
    }
}
