using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Tinjau.Messaging.Tests.Contracts;

namespace Tinjau.Messaging.Tests;

[Collection(MessagingCollection.Name)]
public sealed class OutboxTests(MessagingFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan OutageRecoveryDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Entity_and_event_commit_together_and_the_event_arrives_with_the_outbox_id_as_MessageId()
    {
        var thingId = Guid.NewGuid();
        var rowId = await fixture.WithDbAsync(async db =>
        {
            db.Things.Add(new Thing { Id = thingId, Code = "a-" + thingId.ToString("N")[..8] });
            var row = db.AddIntegrationEvent(new ThingRegistered(thingId, "a"));
            await db.SaveChangesAsync();
            return row.Id;
        });

        Assert.Equal(7, rowId.Version);
        await fixture.WithDbAsync(async db =>
        {
            Assert.True(await db.Things.AnyAsync(x => x.Id == thingId));
            Assert.True(await db.Set<OutboxMessage>().AnyAsync(x => x.Id == rowId));
        });

        var delivery = await Eventually.GetAsync(() => fixture.Log.For(thingId).FirstOrDefault(), Deadline, "ThingRegistered");
        Assert.Equal(rowId, delivery.MessageId);
        // kebab-case queue name prefixed with the service name
        Assert.EndsWith($"/{MessagingFixture.ServiceName}-thing-registered", delivery.InputAddress!.AbsolutePath);

        var sent = await Eventually.GetAsync(
            () => fixture.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == rowId && x.SentAt != null)),
            Deadline, "the outbox row to be marked sent");
        Assert.Equal(1, sent.Attempts);
        Assert.Null(sent.LastError);
    }

    [Fact]
    public async Task Writes_succeed_while_RabbitMQ_is_down_and_every_event_arrives_after_it_is_back()
    {
        var thingIds = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToArray();

        await fixture.Infra.StopRabbitMqAsync();
        try
        {
            var rowIds = new List<Guid>();
            foreach (var (thingId, i) in thingIds.Select((id, i) => (id, i)))
            {
                rowIds.Add(await fixture.WithDbAsync(async db =>
                {
                    db.Things.Add(new Thing { Id = thingId, Code = $"outage-{i}" });
                    var row = db.AddIntegrationEvent(new ThingRegistered(thingId, $"outage-{i}"));
                    await db.SaveChangesAsync();
                    return row.Id;
                }));
            }

            await fixture.WithDbAsync(async db =>
            {
                Assert.Equal(20, await db.Things.CountAsync(x => thingIds.Contains(x.Id)));
                Assert.Equal(20, await db.Set<OutboxMessage>().CountAsync(x => rowIds.Contains(x.Id) && x.SentAt == null));
            });

            // The dispatcher tried, failed within its publish timeout and recorded it (no event was lost meanwhile).
            await Eventually.TrueAsync(
                () => fixture.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(x => rowIds.Contains(x.Id) && x.LastError != null && x.Attempts > 0)),
                Deadline, "a failed publish attempt to be recorded");
            Assert.All(thingIds, id => Assert.Empty(fixture.Log.For(id)));
        }
        finally
        {
            await fixture.Infra.StartRabbitMqAsync();
        }

        await Eventually.TrueAsync(() => thingIds.All(id => fixture.Log.For(id).Count > 0), OutageRecoveryDeadline,
            "all 20 events written during the outage");
    }

    [Fact]
    public async Task A_redelivered_message_is_applied_once_by_an_inbox_consumer()
    {
        var counterId = Guid.NewGuid();
        await fixture.WithDbAsync(async db =>
        {
            db.Counters.Add(new Counter { Id = counterId });
            await db.SaveChangesAsync();
        });

        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        var messageId = NewId.NextGuid();
        const int copies = 5;
        await Task.WhenAll(Enumerable.Range(0, copies).Select(_ =>
            bus.Publish(new CounterBumped(counterId), ctx => ctx.MessageId = messageId)));

        await Eventually.TrueAsync(() => fixture.Log.For(counterId).Count == copies, Deadline, "every copy to be consumed");

        var deliveries = fixture.Log.For(counterId);
        Assert.All(deliveries, d => Assert.Equal(messageId, d.MessageId));
        Assert.Single(deliveries, d => d.Applied == true);
        Assert.Equal(copies - 1, deliveries.Count(d => d.Applied == false));
        await fixture.WithDbAsync(async db =>
        {
            Assert.Equal(1, (await db.Counters.AsNoTracking().SingleAsync(x => x.Id == counterId)).Value);
            Assert.Equal(1, await db.Set<InboxMessage>().CountAsync(x => x.MessageId == messageId && x.Consumer == "tests.counter-bumped"));
        });
    }

    [Fact]
    public async Task A_rolled_back_transaction_publishes_nothing()
    {
        var rolledBackId = Guid.NewGuid();
        var committedId = Guid.NewGuid();
        Guid rolledBackRowId = default;

        await fixture.WithDbAsync(db => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Things.Add(new Thing { Id = rolledBackId, Code = "rolled-back" });
            rolledBackRowId = db.AddIntegrationEvent(new ThingRegistered(rolledBackId, "rolled-back")).Id;
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }));

        // A later event on the same queue, committed by an explicit transaction: once it has arrived, the
        // dispatcher has passed the point where the rolled-back event would have been sent.
        await fixture.WithDbAsync(db => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Things.Add(new Thing { Id = committedId, Code = "committed" });
            db.AddIntegrationEvent(new ThingRegistered(committedId, "committed"));
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }));

        await Eventually.TrueAsync(() => fixture.Log.For(committedId).Count > 0, Deadline, "the committed event");
        Assert.Empty(fixture.Log.For(rolledBackId));
        await fixture.WithDbAsync(async db =>
        {
            Assert.False(await db.Things.AnyAsync(x => x.Id == rolledBackId));
            Assert.False(await db.Set<OutboxMessage>().AnyAsync(x => x.Id == rolledBackRowId));
        });
    }

    [Fact]
    public async Task The_consumer_runs_in_the_trace_that_added_the_event()
    {
        using var source = new ActivitySource("Tinjau.Messaging.Tests");
        var thingId = Guid.NewGuid();
        string traceId;
        using (var activity = source.StartActivity("register thing"))
        {
            Assert.NotNull(activity);
            traceId = activity.TraceId.ToString();
            await fixture.WithDbAsync(async db =>
            {
                db.Things.Add(new Thing { Id = thingId, Code = "traced" });
                db.AddIntegrationEvent(new ThingRegistered(thingId, "traced"));
                await db.SaveChangesAsync();
            });
        }

        var delivery = await Eventually.GetAsync(() => fixture.Log.For(thingId).FirstOrDefault(), Deadline, "the traced event");
        Assert.Equal(traceId, delivery.TraceId);
        // The publish span ends after the broker confirms, which can be after the consumer already ran.
        await Eventually.TrueAsync(
            () => fixture.StoppedActivities.Any(a => a.OperationName == "outbox publish ThingRegistered" && a.TraceId.ToString() == traceId),
            Deadline, "the outbox publish span in the same trace");
    }

    [Fact]
    public async Task The_bus_health_check_is_tagged_ready()
    {
        var health = fixture.Host.Services.GetRequiredService<HealthCheckService>();
        var report = await health.CheckHealthAsync(r => r.Tags.Contains("ready"));
        Assert.Contains("masstransit", report.Entries.Keys);
    }

    [Fact]
    public void The_bus_sends_no_usage_reports_to_its_vendor()
    {
        var usage = fixture.Host.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value;
        Assert.False(usage.Enabled);
    }
}
