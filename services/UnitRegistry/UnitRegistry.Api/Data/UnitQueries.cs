namespace Tinjau.UnitRegistry.Api.Data;

/// <summary>Hierarchy queries as recursive CTEs (bounded depth, so a corrupt cycle cannot loop forever).</summary>
public static class UnitQueries
{
    public const int MaxDepth = 64;

    public sealed class HierarchyRow
    {
        public Guid Id { get; set; }
        public int Depth { get; set; }
    }

    /// <summary>Ids of the ancestors of <paramref name="unitId"/>: parent first (depth 1), root last.</summary>
    public static async Task<List<HierarchyRow>> AncestorsAsync(this UnitRegistryDbContext db, Guid unitId, CancellationToken ct) =>
        await db.Database.SqlQuery<HierarchyRow>($"""
            WITH RECURSIVE chain AS (
                SELECT parent_id AS id, 1 AS depth FROM units WHERE id = {unitId}
                UNION ALL
                SELECT u.parent_id, c.depth + 1 FROM units u JOIN chain c ON u.id = c.id WHERE c.depth < {MaxDepth}
            )
            SELECT id AS "Id", depth AS "Depth" FROM chain WHERE id IS NOT NULL
            """).ToListAsync(ct);

    /// <summary>Ids of <paramref name="unitId"/> (depth 0) and everything below it.</summary>
    public static async Task<List<HierarchyRow>> SubtreeAsync(this UnitRegistryDbContext db, Guid unitId, CancellationToken ct) =>
        await db.Database.SqlQuery<HierarchyRow>($"""
            WITH RECURSIVE tree AS (
                SELECT id, 0 AS depth FROM units WHERE id = {unitId}
                UNION ALL
                SELECT u.id, t.depth + 1 FROM units u JOIN tree t ON u.parent_id = t.id WHERE t.depth < {MaxDepth}
            )
            SELECT id AS "Id", depth AS "Depth" FROM tree
            """).ToListAsync(ct);

    /// <summary>The ancestors as units, root first.</summary>
    public static async Task<List<Unit>> AncestorUnitsAsync(this UnitRegistryDbContext db, Guid unitId, CancellationToken ct)
    {
        var rows = await db.AncestorsAsync(unitId, ct);
        var ids = rows.Select(r => r.Id).ToArray();
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        return rows.OrderByDescending(r => r.Depth).Where(r => units.ContainsKey(r.Id)).Select(r => units[r.Id]).ToList();
    }

    public static bool IsUniqueViolation(this DbUpdateException ex) =>
        ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };
}

public static class CalendarQueries
{
    /// <summary>
    /// The holidays table (a few dozen rows a year) completed by the calendar rules for the years
    /// <paramref name="fromYear"/>..<paramref name="toYear"/> (<see cref="CompletedCalendar"/>).
    /// </summary>
    public static async Task<CompletedCalendar> LoadCalendarAsync(this UnitRegistryDbContext db, int fromYear, int toYear, CancellationToken ct)
    {
        var holidays = await db.Holidays.AsNoTracking().OrderBy(h => h.Date).ThenBy(h => h.Kind).ToListAsync(ct);
        return CompletedCalendar.Build(holidays, Math.Min(fromYear, toYear), Math.Max(fromYear, toYear));
    }
}
