using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tinjau.Messaging.Outbox;

/// <summary>
/// Wakes the dispatcher of one DbContext type. Several wake-ups before it runs collapse into one. A wait that times out
/// returns without an exception (an idle dispatcher waits once per poll interval, and a cancelled token per wait was
/// one exception a second in every service).
/// </summary>
internal sealed class OutboxSignal<TDbContext> where TDbContext : DbContext
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>1 while a wake-up is waiting to be taken: the semaphore is released once for any number of them.</summary>
    private int _pending;

    public void Wake()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            _signal.Release();
        }
    }

    /// <summary>Waits until woken or <paramref name="timeout"/> elapses.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (await _signal.WaitAsync(timeout, cancellationToken))
        {
            // Taken before the dispatcher reads the outbox: a wake-up after this releases again, and one before it
            // followed a commit the coming read sees.
            Interlocked.Exchange(ref _pending, 0);
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
