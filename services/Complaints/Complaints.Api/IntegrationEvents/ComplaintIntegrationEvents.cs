using Tinjau.Complaints.Contracts;

namespace Tinjau.Complaints.Api.IntegrationEvents;

/// <summary>
/// Turns a complaint's domain events into the integration events of <c>Tinjau.Complaints.Contracts</c>. Only ids,
/// codes, units, statuses and times cross this line: never the reporter, their contact, or free text.
/// </summary>
public static class ComplaintIntegrationEvents
{
    public static IEnumerable<object> From(Complaint c)
    {
        foreach (var e in c.DomainEvents)
        {
            yield return e switch
            {
                ComplaintFiledEvent f => new ComplaintFiled(c.Id, c.TrackingNumber, c.Kind.ToName(), c.Category, c.Channel, c.UnitId,
                    // A rahasia complaint's location stays in this service too: consumers may publish what they get.
                    c.Anonymous, c.Confidential, c.Confidential ? null : c.Latitude, c.Confidential ? null : c.Longitude,
                    c.VerificationDueAt, f.At),
                RoutedEvent r => new ComplaintRouted(c.Id, c.TrackingNumber, r.UnitId, r.PreviousUnitId, [.. c.CoordinatingUnitIds],
                    r.Reason.Length > 200 ? r.Reason[..200] : r.Reason, c.FollowUpDueAt, r.At),
                StatusChangedEvent s => new ComplaintStatusChanged(c.Id, c.TrackingNumber, c.UnitId, s.From.ToString(), s.To.ToString(),
                    s.Action.ToName(), s.At),
                ResolvedEvent r => new ComplaintResolved(c.Id, c.TrackingNumber, c.UnitId, c.Category, c.Channel,
                    c.WorkingDaysToResolve ?? 0, c.AnsweredWithinSla ?? false, c.ClosedAutomatically, c.FiledAt, r.At),
                RatedEvent r => new ComplaintRated(c.Id, c.TrackingNumber, c.UnitId, r.Rating, r.At),
                ReopenedEvent r => new ComplaintReopened(c.Id, c.TrackingNumber, c.UnitId, r.WasResolved, r.WithinSla, r.Rating, c.ReopenCount, r.At),
                SlaBreachedEvent b => new ComplaintSlaBreached(c.Id, c.TrackingNumber, c.UnitId, b.Deadline.ToName(), b.DueAt,
                    b.EscalatedToUnitId, b.At),
                _ => throw new InvalidOperationException($"No integration event for {e.GetType().Name}."),
            };
        }
    }
}
