using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Tinjau.Messaging.Tests.Contracts;

namespace Tinjau.Messaging.Tests;

public sealed record Delivery(Guid? MessageId, string? TraceId, Uri? InputAddress, bool? Applied);

/// <summary>What the consumers saw, keyed by the id carried in the message.</summary>
public sealed class MessageLog
{
    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<Delivery>> _deliveries = new();

    public void Add(Guid key, Delivery delivery) => _deliveries.GetOrAdd(key, _ => new ConcurrentQueue<Delivery>()).Enqueue(delivery);

    public IReadOnlyList<Delivery> For(Guid key) => _deliveries.TryGetValue(key, out var q) ? q.ToArray() : [];
}

public sealed class ThingRegisteredConsumer(MessageLog log) : IConsumer<ThingRegistered>
{
    public Task Consume(ConsumeContext<ThingRegistered> context)
    {
        log.Add(context.Message.ThingId,
            new Delivery(context.MessageId, Activity.Current?.TraceId.ToString(), context.ReceiveContext.InputAddress, null));
        return Task.CompletedTask;
    }
}

public sealed class CounterBumpedConsumer(TestDbContext db, MessageLog log) : IConsumer<CounterBumped>
{
    public async Task Consume(ConsumeContext<CounterBumped> context)
    {
        var applied = await db.ProcessOnceAsync(context, "tests.counter-bumped", async ct =>
        {
            var counter = await db.Counters.FindAsync([context.Message.CounterId], ct)
                          ?? throw new InvalidOperationException("unknown counter");
            counter.Value++;
        });
        log.Add(context.Message.CounterId, new Delivery(context.MessageId, null, context.ReceiveContext.InputAddress, applied));
    }
}
