namespace Tinjau.Complaints.Api.Application;

/// <summary>
/// The deadline running now (<see cref="Complaint.CurrentDeadline"/>, stored as the column <c>RunningDeadline</c>) as
/// a query. The triage queue's "near deadline" and "breached" views filter on it in the database, so paging stays right.
/// </summary>
public static class DeadlineFilter
{
    public static IQueryable<Complaint> DueBefore(this IQueryable<Complaint> query, DateTimeOffset t) => query.Where(c =>
        EF.Property<DateTimeOffset?>(c, ComplaintConfiguration.RunningDeadline) < t);

    public static IQueryable<Complaint> DueFrom(this IQueryable<Complaint> query, DateTimeOffset t) => query.Where(c =>
        EF.Property<DateTimeOffset?>(c, ComplaintConfiguration.RunningDeadline) >= t);

    /// <summary>
    /// The running deadline soonest first (an inbox's order), complaints with none running (closed, postponed) after
    /// them, newest first; off the index of the stored deadline, so the first page is the most urgent whatever the
    /// backlog.
    /// </summary>
    public static IQueryable<Complaint> OrderByRunningDeadline(this IQueryable<Complaint> query) => query
        .OrderBy(c => EF.Property<DateTimeOffset?>(c, ComplaintConfiguration.RunningDeadline))
        .ThenByDescending(c => c.FiledAt);
}
