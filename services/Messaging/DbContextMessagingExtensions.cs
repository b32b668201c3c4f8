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
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(consumerName);
        ArgumentNullException.ThrowIfNull(apply);

        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a MessageId; the inbox cannot deduplicate it.");
        var ct = context.CancellationToken;

        var seen = await db.Set<InboxMessage>().AsNoTracking()
            .AnyAsync(x => x.MessageId == messageId && x.Consumer == consumerName, ct);
        if (seen)
        {
            MessagingTelemetry.InboxDuplicates.Add(1, new KeyValuePair<string, object?>("consumer", consumerName));
            return false;
        }

        try
        {
            await apply(ct);
            db.Set<InboxMessage>().Add(new InboxMessage
            {
                MessageId = messageId,
                Consumer = consumerName,
                ProcessedAt = db.GetTimeProvider().GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
            if (context.SentTime is { } sent)
            {
                MessagingTelemetry.ConsumerLag.Record((db.GetTimeProvider().GetUtcNow().UtcDateTime - sent).TotalSeconds,
                    new KeyValuePair<string, object?>("consumer", consumerName));
            }

            return true;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation,
            ConstraintName: ModelBuilderExtensions.InboxPrimaryKeyName,
        })
        {
            db.ChangeTracker.Clear();
            MessagingTelemetry.InboxDuplicates.Add(1, new KeyValuePair<string, object?>("consumer", consumerName));
            return false;
        }
        catch
        {
            // Nothing of a failed unit of work may leak into a retry that reuses this context.
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>The application's TimeProvider (registered by AddServiceDefaults), or the system clock.</summary>
    internal static TimeProvider GetTimeProvider(this DbContext db)
    {
        var services = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        return services?.GetService<TimeProvider>() ?? TimeProvider.System;
    }
}
