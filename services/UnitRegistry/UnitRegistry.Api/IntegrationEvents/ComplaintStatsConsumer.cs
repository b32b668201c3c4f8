using MassTransit;
using Microsoft.EntityFrameworkCore;
using Tinjau.Complaints.Contracts;
using Tinjau.Messaging;

namespace Tinjau.UnitRegistry.Api.IntegrationEvents;

/// <summary>
/// Keeps each unit's live complaint figures (<c>unit_complaint_stats</c>) from the Complaints service's events, once
/// per message (inbox). The figures are read by primary key, uncached, so dashboards see each change at once.
/// </summary>
/// <remarks>
/// Events come in batches (<see cref="Batching"/>): a batch reads the rows of the units it touches in one query and
/// commits once, so the figures keep up with intake instead of paying a transaction per complaint. Batches of one
/// instance run one at a time; the row's concurrency token turns a clash between instances into a retry rather than a
/// lost count. The figures are sums, so batches of different event types applied in another order than they were
/// raised give the same figures.
/// </remarks>
public sealed class ComplaintStatsConsumer(UnitRegistryDbContext db) :
    IConsumer<Batch<ComplaintRouted>>, IConsumer<Batch<ComplaintResolved>>, IConsumer<Batch<ComplaintStatusChanged>>,
    IConsumer<Batch<ComplaintSlaBreached>>, IConsumer<Batch<ComplaintRated>>, IConsumer<Batch<ComplaintReopened>>
{
    public const string ConsumerName = "unitregistry.complaint-stats";

    /// <summary>Up to 100 events a batch, handed over at the latest 20 ms after the first: the lag a quiet day adds.</summary>
    public static void Batching(BatchOptions options) => options.SetMessageLimit(100).SetTimeLimit(ms: 20);

    private static readonly SemaphoreSlim OneBatchAtATime = new(1, 1);

    public Task Consume(ConsumeContext<Batch<ComplaintRouted>> context) => ApplyAsync(context, e => [e.UnitId, e.PreviousUnitId], (e, stats) =>
    {
        if (e.PreviousUnitId == e.UnitId)
        {
            return;
        }
        stats(e.UnitId).Receive(e.OccurredAt);
        if (e.PreviousUnitId is { } previous)
        {
            stats(previous).HandOn(e.OccurredAt);
        }
    });

    public Task Consume(ConsumeContext<Batch<ComplaintResolved>> context) => ApplyAsync(context, e => [e.UnitId], (e, stats) =>
    {
        if (e.UnitId is { } unit)
        {
            stats(unit).Resolve(e.AnsweredWithinSla, e.OccurredAt);
        }
    });

    /// <summary>A complaint leaving Selesai was reopened by its reporter: the unit holds it again.</summary>
    public Task Consume(ConsumeContext<Batch<ComplaintStatusChanged>> context) => ApplyAsync(context, e => [e.UnitId], (e, stats) =>
    {
        if (e.UnitId is { } unit && e.FromStatus == "Selesai" && e.ToStatus != "Selesai")
        {
            stats(unit).Reopen(e.OccurredAt);
        }
    });

    public Task Consume(ConsumeContext<Batch<ComplaintSlaBreached>> context) => ApplyAsync(context, e => [e.UnitId], (e, stats) =>
    {
        if (e.UnitId is { } unit)
        {
            stats(unit).Breach(e.OccurredAt);
        }
    });

    public Task Consume(ConsumeContext<Batch<ComplaintRated>> context) => ApplyAsync(context, e => [e.UnitId], (e, stats) =>
    {
        if (e.UnitId is { } unit && e.Rating is >= 1 and <= 5)
        {
            stats(unit).Rate(e.Rating, e.OccurredAt);
        }
    });

    /// <summary>The reopened complaint's resolution is withdrawn: its SLA result and rating leave the figures.</summary>
    public Task Consume(ConsumeContext<Batch<ComplaintReopened>> context) => ApplyAsync(context, e => [e.UnitId], (e, stats) =>
    {
        if (e.UnitId is { } unit && e.WasResolved)
        {
            stats(unit).WithdrawResolution(e.WithdrawnWithinSla, e.WithdrawnRating, e.OccurredAt);
        }
    });

    /// <param name="units">The units an event may change, so their rows are read before the batch is applied.</param>
    private async Task ApplyAsync<T>(ConsumeContext<Batch<T>> context, Func<T, Guid?[]> units,
        Action<T, Func<Guid, UnitComplaintStats>> apply) where T : class
    {
        await OneBatchAtATime.WaitAsync(context.CancellationToken);
        try
        {
            await db.ProcessOnceAsync(context, ConsumerName, async (events, ct) =>
            {
                var ids = events.SelectMany(units).OfType<Guid>().Distinct().ToList();
                var rows = await db.ComplaintStats.Where(s => ids.Contains(s.UnitId)).ToDictionaryAsync(s => s.UnitId, ct);
                UnitComplaintStats Stats(Guid unitId)
                {
                    if (!rows.TryGetValue(unitId, out var stats))
                    {
                        stats = rows[unitId] = UnitComplaintStats.For(unitId);
                        db.ComplaintStats.Add(stats);
                    }
                    return stats;
                }
                foreach (var e in events)
                {
                    apply(e, Stats);
                }
            });
        }
        finally
        {
            OneBatchAtATime.Release();
        }
    }
}
