using System.Linq.Expressions;

namespace Tinjau.Inspections.Api.Application;

public static class Queries
{
    /// <summary>A whole visit (answers, attendance, findings, evidence, amendments, record), or null.</summary>
    public static Task<SidakVisit?> LoadAsync(this IQueryable<SidakVisit> visits, Guid id, CancellationToken ct) => visits
        .Include(v => v.Answers)
        .Include(v => v.Attendance)
        .Include(v => v.Findings)
        .Include(v => v.Evidence)
        .Include(v => v.Amendments)
        .Include(v => v.RecordEntries)
        .AsSplitQuery()
        .FirstOrDefaultAsync(v => v.Id == id, ct);

    /// <summary>Filters by <paramref name="predicate"/> only when a list's filter parameter was given.</summary>
    public static IQueryable<T> When<T>(this IQueryable<T> query, bool given, Expression<Func<T, bool>> predicate) =>
        given ? query.Where(predicate) : query;
}
