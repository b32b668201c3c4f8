namespace Tinjau.Complaints.Api.Application;

/// <summary>
/// The deadline running now (<see cref="StatusLabels.CurrentDeadline"/>) as a query: verification while nobody has
/// disposed the complaint, the unit's follow-up until it is answered, then the auto-close time. The triage queue's
/// "near deadline" and "breached" views filter on it in the database, so paging stays right.
/// </summary>
public static class DeadlineFilter
{
    public static IQueryable<Complaint> DueBefore(this IQueryable<Complaint> query, DateTimeOffset t) => query.Where(c =>
        ((c.Status == ComplaintStatus.Menunggu || c.Status == ComplaintStatus.Koordinasi) && c.DisposedAt == null && c.VerificationDueAt < t)
        || ((c.Status == ComplaintStatus.Disposisi || c.Status == ComplaintStatus.Proses || (c.Status == ComplaintStatus.Koordinasi && c.DisposedAt != null))
            && c.AnsweredAt == null && c.FollowUpDueAt < t)
        || (c.Status == ComplaintStatus.Proses && c.AnsweredAt != null && c.AutoCloseAt < t));

    public static IQueryable<Complaint> DueFrom(this IQueryable<Complaint> query, DateTimeOffset t) => query.Where(c =>
        ((c.Status == ComplaintStatus.Menunggu || c.Status == ComplaintStatus.Koordinasi) && c.DisposedAt == null && c.VerificationDueAt >= t)
        || ((c.Status == ComplaintStatus.Disposisi || c.Status == ComplaintStatus.Proses || (c.Status == ComplaintStatus.Koordinasi && c.DisposedAt != null))
            && c.AnsweredAt == null && c.FollowUpDueAt >= t)
        || (c.Status == ComplaintStatus.Proses && c.AnsweredAt != null && c.AutoCloseAt >= t));

    /// <summary>
    /// The running deadline soonest first (an inbox's order), complaints with none running (closed, postponed) after
    /// them, newest first; in the database, so the first page is the most urgent whatever the unit's backlog.
    /// </summary>
    public static IQueryable<Complaint> OrderByRunningDeadline(this IQueryable<Complaint> query) => query
        .OrderBy(c => ((c.Status == ComplaintStatus.Menunggu || c.Status == ComplaintStatus.Koordinasi) && c.DisposedAt == null)
            ? c.VerificationDueAt
            : ((c.Status == ComplaintStatus.Disposisi || c.Status == ComplaintStatus.Proses || (c.Status == ComplaintStatus.Koordinasi && c.DisposedAt != null))
               && c.AnsweredAt == null)
                ? c.FollowUpDueAt
                : (c.Status == ComplaintStatus.Proses && c.AnsweredAt != null)
                    ? c.AutoCloseAt
                    : (DateTimeOffset?)null)
        .ThenByDescending(c => c.FiledAt);
}
