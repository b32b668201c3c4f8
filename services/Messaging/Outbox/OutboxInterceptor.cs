using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tinjau.Messaging.Outbox;

/// <summary>Wakes the dispatcher of one DbContext type. Several wake-ups before it runs collapse into one.</summary>
internal sealed class OutboxSignal<TDbContext> where TDbContext : DbContext
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public void Wake() => _channel.Writer.TryWrite(true);

    /// <summary>Waits until woken or <paramref name="timeout"/> elapses.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_channel.Reader.TryRead(out _))
        {
            return;
        }
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // poll interval elapsed
        }
    }
}

/// <summary>
/// Marks contexts that got outbox rows and wakes the dispatcher once those rows are committed: right after
/// SaveChanges when it ran its own transaction, or when the caller's explicit transaction commits.
/// </summary>
internal abstract class OutboxInterceptor : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Pending = new();
    private static readonly object Marker = new();

    internal static void MarkPending(DbContext db) => Pending.AddOrUpdate(db, Marker);

    protected abstract void Wake();

    private void AfterSave(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null && Pending.Remove(context))
        {
            Wake();
        }
    }

    private void AfterCommit(DbContext? context)
    {
        if (context is not null && Pending.Remove(context))
        {
            Wake();
        }
    }

    /// <summary>Moves the events of every tracked <see cref="IRaiseIntegrationEvents"/> into outbox rows.</summary>
    private static void MoveRaisedEvents(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var raisers = context.ChangeTracker.Entries()
            .Select(e => e.Entity).OfType<IRaiseIntegrationEvents>()
            .Where(r => r.IntegrationEvents.Any()).ToList();
        foreach (var raiser in raisers)
        {
            foreach (var evt in raiser.IntegrationEvents.ToList())
            {
                context.AddIntegrationEvent(evt);
            }
            // The rows are tracked now: a failed save that is tried again writes them once, not twice.
            raiser.ClearIntegrationEvents();
        }
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        MoveRaisedEvents(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        MoveRaisedEvents(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => AfterCommit(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AfterCommit(eventData.Context);
        return Task.CompletedTask;
    }
}

internal sealed class OutboxInterceptor<TDbContext>(OutboxSignal<TDbContext> signal) : OutboxInterceptor where TDbContext : DbContext
{
    protected override void Wake() => signal.Wake();
}
