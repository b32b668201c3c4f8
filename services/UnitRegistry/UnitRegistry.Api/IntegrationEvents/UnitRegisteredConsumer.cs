using MassTransit;
using Tinjau.Messaging;

namespace Tinjau.UnitRegistry.Api.IntegrationEvents;

/// <summary>
/// Keeps the unit directory (<c>unit_directory_entries</c>): one denormalised row per registered unit with its full
/// ancestor path, for prefix lookups ("all units under 31.71.04"). Idempotent through the inbox.
/// </summary>
public sealed class UnitRegisteredConsumer(UnitRegistryDbContext db, TimeProvider clock) : IConsumer<UnitRegistered>
{
    public const string ConsumerName = "unitregistry.unit-directory";

    public async Task Consume(ConsumeContext<UnitRegistered> context)
    {
        var evt = context.Message;
        await db.ProcessOnceAsync(context, ConsumerName, async ct =>
        {
            var ancestors = await db.AncestorUnitsAsync(evt.UnitId, ct);
            var entry = await db.DirectoryEntries.FirstOrDefaultAsync(e => e.UnitId == evt.UnitId, ct);
            if (entry is null)
            {
                entry = new UnitDirectoryEntry { UnitId = evt.UnitId };
                db.DirectoryEntries.Add(entry);
            }
            entry.Code = evt.Code;
            entry.Name = evt.Name;
            entry.Type = evt.Type;
            entry.TimeZone = evt.TimeZone;
            entry.Depth = ancestors.Count;
            entry.CodePath = string.Join('/', ancestors.Select(a => a.Code).Append(evt.Code));
            entry.NamePath = string.Join(" › ", ancestors.Select(a => a.Name).Append(evt.Name));
            entry.SourceMessageId = context.MessageId!.Value;
            entry.ProjectedAt = clock.GetUtcNow();
        });
    }
}
