using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tinjau.Messaging.Outbox;

namespace Tinjau.Messaging;

public static class DbContextMessagingExtensions
{
    /// <summary>
    /// Adds <paramref name="evt"/> to the outbox of <paramref name="db"/>: the row is inserted by the next
    /// <c>SaveChangesAsync</c>, in the same transaction as the state change, and published afterwards by the
    /// outbox dispatcher with <c>MessageId</c> = <see cref="OutboxMessage.Id"/> and the trace context that is
    /// current now. Nothing is sent if the transaction rolls back.
    /// </summary>
    public static OutboxMessage AddIntegrationEvent<T>(this DbContext db, T evt) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(evt);

        var type = evt.GetType();
        var now = db.GetTimeProvider().GetUtcNow();
        var activity = Activity.Current;
        var message = new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            MessageType = IntegrationEventTypes.NameOf(type),
            Payload = JsonSerializer.Serialize(evt, type, IntegrationEventTypes.JsonOptions),
            OccurredAt = now,
            TraceParent = activity is { IdFormat: ActivityIdFormat.W3C } ? activity.Id : null,
            TraceState = activity is { IdFormat: ActivityIdFormat.W3C } ? activity.TraceStateString : null,
        };
        db.Set<OutboxMessage>().Add(message);
        OutboxInterceptor.MarkPending(db);
        return message;
    }

    /// <summary>
    /// Applies a message once per (<c>MessageId</c>, <paramref name="consumerName"/>): if the inbox already holds
    /// that pair, returns false without running <paramref name="apply"/>. Otherwise runs <paramref name="apply"/>
    /// (which changes tracked entities and may call <see cref="AddIntegrationEvent{T}"/>), adds the inbox row and
    /// saves everything with one <c>SaveChangesAsync</c> (atomic), returning true. A concurrent duplicate that
    /// commits first makes the insert of the inbox key fail; the change tracker is then cleared and false returned.
    /// </summary>
    /// <exception cref="InvalidOperationException">The message has no MessageId.</exception>
    public static async Task<bool> ProcessOnceAsync<TMessage>(this DbContext db, ConsumeContext<TMessage> context, string consumerName,
        Func<CancellationToken, Task> apply) where TMessage : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(apply);
        return await db.ProcessOnceAsync([context], consumerName, (_, ct) => apply(ct), context.CancellationToken) == 1;
    }

    /// <summary>
    /// Applies a batch of messages once each, in one transaction: the messages the inbox already holds for
    /// <paramref name="consumerName"/> (and repeats of one MessageId within the batch) are left out, the rest are
    /// passed to <paramref name="apply"/> in the order they arrived, and their inbox rows are saved with the changes
    /// by one <c>SaveChangesAsync</c>. One commit for the whole batch is what lets a consumer keep up with a busy
    /// producer. If another instance commits one of the messages first, the whole unit of work is discarded and tried
    /// again without it. Returns how many messages were applied.
    /// </summary>
    /// <exception cref="InvalidOperationException">A message has no MessageId.</exception>
    public static Task<int> ProcessOnceAsync<TMessage>(this DbContext db, ConsumeContext<Batch<TMessage>> context, string consumerName,
        Func<IReadOnlyList<TMessage>, CancellationToken, Task> apply) where TMessage : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(apply);
        return db.ProcessOnceAsync([.. context.Message], consumerName, (fresh, ct) => apply([.. fresh.Select(m => m.Message)], ct),
            context.CancellationToken);
    }

    private static async Task<int> ProcessOnceAsync<TMessage>(this DbContext db, IReadOnlyList<ConsumeContext<TMessage>> messages,
        string consumerName, Func<IReadOnlyList<ConsumeContext<TMessage>>, CancellationToken, Task> apply, CancellationToken ct)
        where TMessage : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(consumerName);

        var arrived = messages
            .Select(m => (Id: m.MessageId ?? throw new InvalidOperationException(
                $"{typeof(TMessage).Name} arrived without a MessageId; the inbox cannot deduplicate it."), Context: m))
            .DistinctBy(m => m.Id)
            .ToList();
        var consumer = new KeyValuePair<string, object?>("consumer", consumerName);
        if (arrived.Count < messages.Count)
        {
            MessagingTelemetry.InboxDuplicates.Add(messages.Count - arrived.Count, consumer);
        }

        // A concurrent duplicate that commits first only makes this unit of work start again without it.
        for (var attempt = 1; ; attempt++)
        {
            var ids = arrived.Select(m => m.Id).ToList();
            var seen = await db.Set<InboxMessage>().AsNoTracking()
                .Where(x => x.Consumer == consumerName && ids.Contains(x.MessageId))
                .Select(x => x.MessageId)
                .ToListAsync(ct);
            if (seen.Count > 0)
            {
                MessagingTelemetry.InboxDuplicates.Add(seen.Count, consumer);
                arrived.RemoveAll(m => seen.Contains(m.Id));
            }
            if (arrived.Count == 0)
            {
                return 0;
            }

            try
            {
                await apply([.. arrived.Select(m => m.Context)], ct);
                var now = db.GetTimeProvider().GetUtcNow();
                db.Set<InboxMessage>().AddRange(arrived.Select(m => new InboxMessage { MessageId = m.Id, Consumer = consumerName, ProcessedAt = now }));
                await db.SaveChangesAsync(ct);
                var committed = db.GetTimeProvider().GetUtcNow().UtcDateTime;
                foreach (var (_, context) in arrived)
                {
                    if (context.SentTime is { } sent)
                    {
                        MessagingTelemetry.ConsumerLag.Record((committed - sent).TotalSeconds, consumer);
                    }
                }
                return arrived.Count;
            }
            catch (DbUpdateException ex) when (attempt < 3 && ex.InnerException is PostgresException
            {
                SqlState: PostgresErrorCodes.UniqueViolation,
                ConstraintName: ModelBuilderExtensions.InboxPrimaryKeyName,
            })
            {
                db.ChangeTracker.Clear();
            }
            catch
            {
                // Nothing of a failed unit of work may leak into a retry that reuses this context.
                db.ChangeTracker.Clear();
                throw;
            }
        }
    }

    /// <summary>The application's TimeProvider (registered by AddServiceDefaults), or the system clock.</summary>
    internal static TimeProvider GetTimeProvider(this DbContext db)
    {
        var services = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        return services?.GetService<TimeProvider>() ?? TimeProvider.System;
    }
}
