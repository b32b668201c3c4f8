namespace Tinjau.UnitRegistry.Api.Application;

/// <summary>The load-or-refuse and save shapes every operation shares.</summary>
internal static class Persistence
{
    /// <summary>The unit, tracked for a change, or <see cref="Refusal.NoUnit"/>.</summary>
    public static async Task<(Unit? Unit, Refusal? Missing)> FindUnitAsync(this UnitRegistryDbContext db, Guid id, CancellationToken ct) =>
        await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct) is { } unit ? (unit, null) : (null, Refusal.NoUnit(id));

    /// <summary>Saves a new row; the unique index answering first (someone was faster) becomes the same conflict.</summary>
    public static async Task<Refusal?> SaveNewAsync(this UnitRegistryDbContext db, string conflict, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return Refusal.Conflict(conflict);
        }
    }

    /// <summary>Saves, then drops every cached read (the change is committed first).</summary>
    public static async Task SaveAndInvalidateAsync(this UnitRegistryDbContext db, UnitCache cache, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync();
    }
}
