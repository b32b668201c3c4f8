using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Tinjau.Messaging.Outbox;

/// <summary>
/// Publishes the outbox rows of <typeparamref name="TDbContext"/>. One loop per process; any number of processes
/// may run it against the same database because rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>.
/// <list type="bullet">
/// <item>Woken after a commit that wrote outbox rows, and polls every <see cref="OutboxOptions.PollInterval"/>.</item>
/// <item>Each pass claims up to <see cref="OutboxOptions.BatchSize"/> due rows (oldest first) in one transaction
/// inside the execution strategy, publishes each with <c>MessageId</c> = row id under the stored trace context,
/// marks them sent and commits. Delivery is at least once: a crash or a failed commit after a publish sends the
/// row again with the same MessageId, which the consumers' inbox discards.</item>
/// <item>Every publish is bounded by <see cref="OutboxOptions.PublishTimeout"/>. A failed row gets
/// <c>attempts + 1</c>, <c>last_error</c> and an exponential <c>next_attempt_at</c> (capped); the pass stops at the
/// first broker failure and the loop backs off, so an outage costs one timeout per back-off step, not one per row.
/// When the broker answers again, rows that failed during the outage are made due at once.</item>
/// <item>Order is best effort: rows are claimed by <c>occurred_at</c>, but retries, several dispatchers and
/// consumer concurrency can reorder events, even of one aggregate. Consumers must not depend on order
/// (carry a version or timestamp in the event when it matters).</item>
/// <item>Sent rows older than <see cref="OutboxOptions.SentRetention"/> and inbox rows older than
/// <see cref="OutboxOptions.InboxRetention"/> are deleted every <see cref="OutboxOptions.CleanupInterval"/> in
/// small chunks.</item>
/// </list>
/// </summary>
internal sealed partial class OutboxDispatcher<TDbContext>(
    IServiceScopeFactory scopeFactory,
    IBus bus,
    IBusControl busControl,
    OutboxSignal<TDbContext> signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher<TDbContext>> logger) : BackgroundService where TDbContext : DbContext
{
    private const int CleanupChunk = 1000;
    private const int MaxCleanupChunksPerRun = 20;

    private readonly OutboxOptions _options = options.Value;
    private readonly string _contextName = typeof(TDbContext).Name;
    private long _pending;

    private sealed record PassResult(int Claimed, int Published, bool BrokerFailed);

    private enum Outcome { Published, Unreadable, BrokerFailed }

    private const string BrokerErrorPrefix = "publish: ";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The loop belongs to no request: do not inherit whatever activity started the host.
        Activity.Current = null;
        await Task.Yield();

        MessagingTelemetry.ObservePending(_contextName, () => Interlocked.Read(ref _pending));

        // Publish nothing before this process's bus, with its receive endpoints, is up: RabbitMQ drops an event sent
        // to an exchange that no queue is bound to yet, so a service's first events (its seed data, say) would be
        // lost for its own consumers on a first start. The rows wait in the outbox meanwhile.
        try
        {
            while (busControl.CheckHealth().Status != BusHealthStatus.Healthy)
            {
                await Task.Delay(_options.PollInterval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        var brokerFailures = 0;
        var databaseFailures = 0;
        var nextCleanup = clock.GetUtcNow();
        var nextCount = clock.GetUtcNow();

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                PassResult pass;
                try
                {
                    pass = await DispatchPassAsync(stoppingToken);
                    databaseFailures = 0;
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    databaseFailures++;
                    LogPassFailed(ex, _contextName);
                    await Task.Delay(_options.RetryDelay(databaseFailures), clock, stoppingToken);
                    continue;
                }

                brokerFailures = pass.BrokerFailed ? brokerFailures + 1 : pass.Published > 0 ? 0 : brokerFailures;

                var now = clock.GetUtcNow();
                if (now >= nextCleanup)
                {
                    nextCleanup = now + _options.CleanupInterval;
                    await RunQuietlyAsync(CleanupAsync, stoppingToken);
                }
                if (now >= nextCount)
                {
                    nextCount = now + _options.PendingCountInterval;
                    await RunQuietlyAsync(CountPendingAsync, stoppingToken);
                }

                if (brokerFailures > 0)
                {
                    if (await WaitForBrokerAsync(_options.RetryDelay(brokerFailures), stoppingToken))
                    {
                        // The bus is connected again: rows that failed during the outage need not sit out their back-off.
                        brokerFailures = 0;
                        await RunQuietlyAsync(MakeBrokerFailuresDueAsync, stoppingToken);
                    }
                }
                else if (pass.Claimed < _options.BatchSize)
                {
                    await signal.WaitAsync(_options.PollInterval, stoppingToken);
                }
                // else a full batch: go again at once
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>
    /// Backs off after a broker failure for at most <paramref name="delay"/>; returns true as soon as the bus reports
    /// healthy (connected), false when the delay elapsed without that.
    /// </summary>
    private async Task<bool> WaitForBrokerAsync(TimeSpan delay, CancellationToken ct)
    {
        var until = clock.GetUtcNow() + delay;
        while (true)
        {
            var left = until - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return false;
            }
            await Task.Delay(left < _options.PollInterval ? left : _options.PollInterval, clock, ct);
            if (busControl.CheckHealth().Status == BusHealthStatus.Healthy)
            {
                return true;
            }
        }
    }

    private async Task<PassResult> DispatchPassAsync(CancellationToken ct)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(db, async (_, context, token) =>
        {
            context.ChangeTracker.Clear();
            await using var transaction = await context.Database.BeginTransactionAsync(token);

            var rows = await context.Set<OutboxMessage>()
                .FromSqlRaw(ClaimSql(context), new NpgsqlParameter("now", clock.GetUtcNow()), new NpgsqlParameter("batch", _options.BatchSize))
                .ToListAsync(token);

            // Every row of the batch is handed to the bus, in the outbox's order, before any confirmation is awaited:
            // the broker confirms them together, so a batch costs about one round trip instead of one per row (one
            // at a time, intake raised events faster than they went out). A row the broker does not confirm keeps
            // its own failure and back-off; the rows confirmed are marked sent in the same commit.
            var sends = new List<Task<Outcome>>(rows.Count);
            foreach (var row in rows)
            {
                sends.Add(PublishAsync(row, token));
            }
            var outcomes = await Task.WhenAll(sends);
            var published = outcomes.Count(o => o == Outcome.Published);
            var brokerFailed = outcomes.Contains(Outcome.BrokerFailed);

            await context.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return new PassResult(rows.Count, published, brokerFailed);
        }, null, ct);
    }

    private async Task MakeBrokerFailuresDueAsync(CancellationToken ct)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var outbox = Table(db);
        // Identifiers come from the EF model, not from input.
        var sql = $"UPDATE {outbox} SET next_attempt_at = NULL WHERE id IN (SELECT id FROM {outbox} WHERE sent_at IS NULL AND next_attempt_at IS NOT NULL AND last_error LIKE '{BrokerErrorPrefix}%' FOR UPDATE SKIP LOCKED)";
        await db.Database.ExecuteSqlRawAsync(sql, ct);
    }

    /// <summary>Publishes one row; on failure records the attempt on the row.</summary>
    private async Task<Outcome> PublishAsync(OutboxMessage row, CancellationToken ct)
    {
        var typeName = IntegrationEventTypes.ShortName(row.MessageType);
        using var activity = StartPublishActivity(row, typeName);

        object message;
        Type type;
        try
        {
            type = IntegrationEventTypes.Resolve(row.MessageType)
                   ?? throw new InvalidOperationException($"type {row.MessageType} cannot be loaded");
            message = JsonSerializer.Deserialize(row.Payload, type, IntegrationEventTypes.JsonOptions)
                      ?? throw new InvalidOperationException("payload is null");
        }
        catch (Exception ex) when (ex is InvalidOperationException or JsonException or NotSupportedException)
        {
            Fail(row, activity, "payload: " + ex.Message, typeName);
            LogUnreadable(row.Id, row.MessageType, ex.Message);
            return Outcome.Unreadable;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.PublishTimeout);
        try
        {
            // WaitAsync bounds the call even if some stage of the send ignores the token.
            await bus.Publish(message, type, context => context.MessageId = row.Id, timeout.Token)
                .WaitAsync(_options.PublishTimeout, clock, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var reason = ex is OperationCanceledException or TimeoutException
                ? $"no broker confirmation within {_options.PublishTimeout.TotalSeconds:0.#} s"
                : $"{ex.GetType().Name}: {ex.Message}";
            Fail(row, activity, BrokerErrorPrefix + reason, typeName);
            LogPublishFailed(row.Id, typeName, row.Attempts, reason);
            return Outcome.BrokerFailed;
        }

        var now = clock.GetUtcNow();
        row.SentAt = now;
        row.Attempts++;
        row.NextAttemptAt = null;
        row.LastError = null;
        var tag = new KeyValuePair<string, object?>("message.type", typeName);
        MessagingTelemetry.Published.Add(1, tag);
        MessagingTelemetry.PublishDelay.Record((now - row.OccurredAt).TotalSeconds, tag);
        return Outcome.Published;
    }

    private void Fail(OutboxMessage row, Activity? activity, string error, string typeName)
    {
        row.Attempts++;
        row.LastError = error.Length <= OutboxMessage.LastErrorMaxLength ? error : error[..OutboxMessage.LastErrorMaxLength];
        row.NextAttemptAt = clock.GetUtcNow() + _options.RetryDelay(row.Attempts);
        activity?.SetStatus(ActivityStatusCode.Error, error);
        MessagingTelemetry.PublishFailures.Add(1, new KeyValuePair<string, object?>("message.type", typeName));
    }

    /// <summary>
    /// Starts "outbox publish &lt;Type&gt;" as a child of the trace that added the event, so MassTransit's send span
    /// (and the consumers after it) join that trace. When nobody samples our source, a bare activity still carries
    /// the parent context for MassTransit.
    /// </summary>
    private static Activity? StartPublishActivity(OutboxMessage row, string typeName)
    {
        var name = $"outbox publish {typeName}";
        var hasParent = ActivityContext.TryParse(row.TraceParent, row.TraceState, isRemote: true, out var parent);
        var activity = MessagingTelemetry.ActivitySource.StartActivity(name, ActivityKind.Internal, hasParent ? parent : default);
        if (activity is null && hasParent)
        {
            activity = new Activity(name);
            activity.SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
            activity.TraceStateString = parent.TraceState;
            activity.Start();
        }
        if (activity is not null)
        {
            activity.SetTag("messaging.message.id", row.Id.ToString());
            activity.SetTag("messaging.system", "rabbitmq");
            activity.SetTag("tinjau.outbox.attempt", row.Attempts + 1);
        }
        return activity;
    }

    private async Task CleanupAsync(CancellationToken ct)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var now = clock.GetUtcNow();

        // Ids are version-7 guids (time-ordered, compared byte-wise by PostgreSQL), so "older than the retention"
        // is a range of the primary key: no index on sent_at needed.
        var boundary = Guid.CreateVersion7(now - _options.SentRetention);
        var outbox = Table(db);
        var sql = $"DELETE FROM {outbox} WHERE id IN (SELECT id FROM {outbox} WHERE id < @boundary AND sent_at IS NOT NULL LIMIT {CleanupChunk} FOR UPDATE SKIP LOCKED)";
        var deleted = 0;
        for (var i = 0; i < MaxCleanupChunksPerRun; i++)
        {
            var n = await db.Database.ExecuteSqlRawAsync(sql, [new NpgsqlParameter("boundary", boundary)], ct);
            deleted += n;
            if (n < CleanupChunk)
            {
                break;
            }
        }

        var inbox = Table<InboxMessage>(db);
        var inboxSql = $"DELETE FROM {inbox} WHERE ctid IN (SELECT ctid FROM {inbox} WHERE processed_at < @cutoff LIMIT {CleanupChunk} FOR UPDATE SKIP LOCKED)";
        for (var i = 0; i < MaxCleanupChunksPerRun; i++)
        {
            var n = await db.Database.ExecuteSqlRawAsync(inboxSql, [new NpgsqlParameter("cutoff", now - _options.InboxRetention)], ct);
            deleted += n;
            if (n < CleanupChunk)
            {
                break;
            }
        }
        if (deleted > 0)
        {
            LogCleanedUp(_contextName, deleted);
        }
    }

    private async Task CountPendingAsync(CancellationToken ct)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var count = await db.Set<OutboxMessage>().LongCountAsync(x => x.SentAt == null, ct);
        Interlocked.Exchange(ref _pending, count);
    }

    private async Task RunQuietlyAsync(Func<CancellationToken, Task> work, CancellationToken ct)
    {
        try
        {
            await work(ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogHousekeepingFailed(ex, _contextName);
        }
    }

    private static string ClaimSql(DbContext db) =>
        $"""
         SELECT id, message_type, payload, occurred_at, trace_parent, trace_state, attempts, next_attempt_at, sent_at, last_error
         FROM {Table(db)}
         WHERE sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= @now)
         ORDER BY occurred_at
         LIMIT @batch
         FOR UPDATE SKIP LOCKED
         """;

    private static string Table(DbContext db) => Table<OutboxMessage>(db);

    private static string Table<TEntity>(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))
                     ?? throw new InvalidOperationException($"{db.GetType().Name} does not map {typeof(TEntity).Name}: call modelBuilder.AddMessagingTables() in OnModelCreating.");
        var schema = entity.GetSchema();
        var table = Quote(entity.GetTableName()!);
        return schema is null ? table : $"{Quote(schema)}.{table}";
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({MessageType}) not published (attempt {Attempts}): {Reason}")]
    private partial void LogPublishFailed(Guid messageId, string messageType, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} cannot be read as {MessageType}: {Reason}")]
    private partial void LogUnreadable(Guid messageId, string messageType, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox pass for {DbContext} failed; retrying with back-off")]
    private partial void LogPassFailed(Exception exception, string dbContext);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox housekeeping for {DbContext} failed")]
    private partial void LogHousekeepingFailed(Exception exception, string dbContext);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired outbox/inbox rows of {DbContext}")]
    private partial void LogCleanedUp(string dbContext, int count);
}
