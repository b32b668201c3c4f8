namespace Tinjau.Evaluations.Api.Data;

public static class EvaluationsSeed
{
    /// <summary>Ships PEKPPP instrument version 1 (idempotent).</summary>
    public static async Task SeedAsync(EvaluationsDbContext db, IServiceProvider services, CancellationToken ct)
    {
        if (!await db.Instruments.AnyAsync(i => i.Id == PekpppInstrumentV1.Id, ct))
        {
            var clock = services.GetRequiredService<TimeProvider>();
            db.Instruments.Add(PekpppInstrumentV1.Create(clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // another instance seeded it first
            }
        }
    }
}
