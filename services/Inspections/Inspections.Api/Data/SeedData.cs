namespace Tinjau.Inspections.Api.Data;

/// <summary>Idempotent seed: checklist template v1 (the sidak items of DOMAIN.md, Indonesian with English translations).</summary>
public static class SeedData
{
    public static readonly Guid SidakV1Id = Guid.Parse("0195f1a0-0000-7000-8000-000000000001");

    public static async Task SeedAsync(InspectionsDb db, IServiceProvider services, CancellationToken ct)
    {
        if (await db.ChecklistTemplates.FirstOrDefaultAsync(t => t.Code == ChecklistTemplate.DefaultCode && t.Version == 1, ct) is { } v1)
        {
            // Seeded in English before: the same items, reworded Indonesian first.
            if (v1.Reword(ChecklistTemplate.SidakV1Items))
            {
                await db.SaveChangesAsync(ct);
            }
            return;
        }
        var time = services.GetRequiredService<TimeProvider>();
        db.ChecklistTemplates.Add(ChecklistTemplate.Create(SidakV1Id, ChecklistTemplate.DefaultCode, 1,
            "Sidak pelayanan publik", ChecklistTemplate.SidakV1Items, "seed", time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // another instance seeded it first
            db.ChangeTracker.Clear();
        }
    }
}
