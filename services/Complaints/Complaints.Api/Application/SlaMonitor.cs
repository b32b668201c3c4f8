using Npgsql;

namespace Tinjau.Complaints.Api.Application;

/// <summary>
/// One pass over the SLA clocks: every overdue deadline is recorded once (unique row per complaint, deadline and due
/// time, written with the history entry and the ComplaintSlaBreached outbox row in one transaction) and escalated to
/// the parent of the responsible unit; answered complaints past their auto-close time are closed; expired
/// Idempotency-Keys are forgotten. Safe to run on
/// several instances at once: a second writer of the same breach hits the unique key and skips it.
/// </summary>
public sealed class SlaSweep(ComplaintsDb db, IUnitRegistryClient registry, ComplaintWorkflow workflow, IOptions<ComplaintsOptions> options,
    ILogger<SlaSweep> logger)
{
    public const int BatchSize = 100;

    public sealed record Result(int Breaches, int AutoClosed);

    public async Task<Result> RunOnceAsync(DateTimeOffset now, CancellationToken ct)
    {
        var breaches = 0;
        var verificationOverdue = await db.Complaints
            .Where(c => (c.Status == ComplaintStatus.Menunggu || c.Status == ComplaintStatus.Koordinasi) && c.DisposedAt == null
                        && c.VerificationDueAt < now
                        && !db.SlaBreaches.Any(b => b.ComplaintId == c.Id && b.Deadline == SlaDeadline.Verification && b.DueAt == c.VerificationDueAt))
            .OrderBy(c => c.VerificationDueAt).Take(BatchSize).Select(c => c.Id).ToListAsync(ct);
        var followUpOverdue = await db.Complaints
            .Where(c => (c.Status == ComplaintStatus.Disposisi || c.Status == ComplaintStatus.Proses || c.Status == ComplaintStatus.Koordinasi)
                        && c.AnsweredAt == null && c.FollowUpDueAt != null && c.FollowUpDueAt < now
                        && !db.SlaBreaches.Any(b => b.ComplaintId == c.Id && b.Deadline == SlaDeadline.FollowUp && b.DueAt == c.FollowUpDueAt))
            .OrderBy(c => c.FollowUpDueAt).Take(BatchSize).Select(c => c.Id).ToListAsync(ct);

        foreach (var id in verificationOverdue.Concat(followUpOverdue).Distinct())
        {
            if (await BreachAsync(id, now, ct))
            {
                breaches++;
            }
        }

        var closed = 0;
        var toClose = await db.Complaints
            .Where(c => c.Status == ComplaintStatus.Proses && c.AnsweredAt != null && c.AutoCloseAt != null && c.AutoCloseAt <= now)
            .OrderBy(c => c.AutoCloseAt).Take(BatchSize).Select(c => c.Id).ToListAsync(ct);
        foreach (var id in toClose)
        {
            db.ChangeTracker.Clear();
            var c = await db.Complaints.FirstAsync(x => x.Id == id, ct);
            if (c.Status != ComplaintStatus.Proses || !c.IsAnswered || c.AutoCloseAt > now)
            {
                continue;
            }
            try
            {
                await workflow.ResolveAsync(c, Actor.System, now, automatically: true, ct);
                await db.SaveChangesAsync(ct);
                closed++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone acted on it meanwhile (confirmed, reopened): next pass decides again.
            }
        }
        db.ChangeTracker.Clear();

        // Idempotency keys (and the reporter secrets kept for replays) are forgotten after the retention period.
        var forgetBefore = now - options.Value.IdempotencyRetention;
        await db.IntakeRequests.Where(r => r.CreatedAt < forgetBefore).ExecuteDeleteAsync(ct);
        return new Result(breaches, closed);
    }

    private async Task<bool> BreachAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var c = await db.Complaints.FirstAsync(x => x.Id == id, ct);
        if (c.OverdueDeadline(now) is not { } overdue)
        {
            return false;
        }
        Guid? parent = null;
        if (c.UnitId is { } unitId)
        {
            try
            {
                parent = (await registry.GetUnitAsync(unitId, ct))?.ParentId;
            }
            catch (UnitRegistryUnavailableException ex)
            {
                logger.LogWarning(ex, "Unit registry unavailable; breach of {TrackingNumber} recorded without escalation", c.TrackingNumber);
            }
        }
        c.RecordSlaBreach(overdue.Deadline, overdue.DueAt, parent, now);
        db.SlaBreaches.Add(new SlaBreach(Guid.CreateVersion7(now), c.Id, overdue.Deadline, overdue.DueAt, now, parent));
        try
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("SLA {Deadline} of {TrackingNumber} breached (due {DueAt}); escalated to {ParentUnitId}",
                overdue.Deadline.ToName(), c.TrackingNumber, overdue.DueAt, parent);
            return true;
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException
                                           || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return false; // another instance recorded it, or the complaint moved on
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>Runs <see cref="SlaSweep"/> every <c>Complaints:Sla:CheckInterval</c>.</summary>
public sealed class SlaMonitor(IServiceScopeFactory scopes, IOptionsMonitor<SlaOptions> options, TimeProvider time, ILogger<SlaMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.CurrentValue.CheckInterval, time, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<SlaSweep>().RunOnceAsync(time.GetUtcNow(), stoppingToken);
                if (result.Breaches + result.AutoClosed > 0)
                {
                    logger.LogInformation("SLA sweep: {Breaches} breaches, {AutoClosed} auto-closed", result.Breaches, result.AutoClosed);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "SLA sweep failed; trying again next interval");
            }
        }
    }
}
