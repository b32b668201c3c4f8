using MassTransit;
using Tinjau.Complaints.Contracts;
using Tinjau.Messaging;

namespace Tinjau.UnitRegistry.Api.IntegrationEvents;

/// <summary>
/// Keeps each unit's live complaint figures (<c>unit_complaint_stats</c>) from the Complaints service's events, once
/// per message (inbox). The figures are read by primary key, uncached, so dashboards see each change at once.
/// </summary>
public sealed class ComplaintStatsConsumer(UnitRegistryDbContext db) :
    IConsumer<ComplaintRouted>, IConsumer<ComplaintResolved>, IConsumer<ComplaintStatusChanged>, IConsumer<ComplaintSlaBreached>,
    IConsumer<ComplaintRated>, IConsumer<ComplaintReopened>
{
    public const string ConsumerName = "unitregistry.complaint-stats";

    public Task Consume(ConsumeContext<ComplaintRouted> context) => ApplyAsync(context, async (e, ct) =>
    {
        if (e.PreviousUnitId == e.UnitId)
        {
            return;
        }
        (await StatsAsync(e.UnitId, ct)).Receive(e.OccurredAt);
        if (e.PreviousUnitId is { } previous)
        {
            (await StatsAsync(previous, ct)).HandOn(e.OccurredAt);
        }
    });

    public Task Consume(ConsumeContext<ComplaintResolved> context) => ApplyAsync(context, async (e, ct) =>
    {
        if (e.UnitId is { } unit)
        {
            (await StatsAsync(unit, ct)).Resolve(e.AnsweredWithinSla, e.OccurredAt);
        }
    });

    /// <summary>A complaint leaving Selesai was reopened by its reporter: the unit holds it again.</summary>
    public Task Consume(ConsumeContext<ComplaintStatusChanged> context) => ApplyAsync(context, async (e, ct) =>
    {
        if (e.UnitId is { } unit && e.FromStatus == "Selesai" && e.ToStatus != "Selesai")
        {
            (await StatsAsync(unit, ct)).Reopen(e.OccurredAt);
        }
    });

    public Task Consume(ConsumeContext<ComplaintSlaBreached> context) => ApplyAsync(context, async (e, ct) =>
    {
        if (e.UnitId is { } unit)
        {
            (await StatsAsync(unit, ct)).Breach(e.OccurredAt);
        }
    });

    public Task Consume(ConsumeContext<ComplaintRated> context) => ApplyAsync(context, async (e, ct) =>
    {
        if (e.UnitId is { } unit && e.Rating is >= 1 and <= 5)
        {
            (await StatsAsync(unit, ct)).Rate(e.Rating, e.OccurredAt);
        }
    });

    /// <summary>The reopened complaint's resolution is withdrawn: its SLA result and rating leave the figures.</summary>
    public Task Consume(ConsumeContext<ComplaintReopened> context) => ApplyAsync(context, async (e, ct) =>
    {
        if (e.UnitId is { } unit && e.WasResolved)
        {
            (await StatsAsync(unit, ct)).WithdrawResolution(e.WithdrawnWithinSla, e.WithdrawnRating, e.OccurredAt);
        }
    });

    private Task ApplyAsync<T>(ConsumeContext<T> context, Func<T, CancellationToken, Task> apply) where T : class =>
        db.ProcessOnceAsync(context, ConsumerName, ct => apply(context.Message, ct));

    private async Task<UnitComplaintStats> StatsAsync(Guid unitId, CancellationToken ct)
    {
        var stats = db.ComplaintStats.Local.FirstOrDefault(s => s.UnitId == unitId)
                    ?? await db.ComplaintStats.FindAsync([unitId], ct);
        if (stats is null)
        {
            stats = UnitComplaintStats.For(unitId);
            db.ComplaintStats.Add(stats);
        }
        return stats;
    }
}
