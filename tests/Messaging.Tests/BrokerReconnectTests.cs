using MassTransit;
using MassTransit.RabbitMqTransport;
using Microsoft.Extensions.DependencyInjection;

namespace Tinjau.Messaging.Tests;

/// <summary>
/// The consumers' reconnect schedule is set through a private field of MassTransit's RabbitMQ host configuration:
/// this fails when an upgrade moves it, instead of consumers silently going back to waiting up to 30 s.
/// </summary>
public sealed class BrokerReconnectTests
{
    [Fact]
    public async Task A_bus_being_configured_gets_the_short_reconnect_schedule()
    {
        var applied = false;
        IRetryPolicy? before = null, after = null;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMassTransit(bus => bus.UsingRabbitMq((_, cfg) =>
        {
            before = BrokerReconnect.Current(cfg);
            applied = BrokerReconnect.Apply(cfg);
            after = BrokerReconnect.Current(cfg);
        }));
        await using var provider = services.BuildServiceProvider();

        // Creating the bus runs the configuration; nothing connects until it is started.
        _ = provider.GetRequiredService<IBusControl>();

        Assert.True(applied);
        Assert.NotNull(before);
        Assert.NotNull(after);
        Assert.NotSame(before, after);
        // MassTransit's own schedule reaches 30 s; ours never waits more than 5 s (× its 1.25 jitter).
        Assert.True(before.GetRetryIntervalUpperBound() > TimeSpan.FromSeconds(20));
        Assert.True(after.GetRetryIntervalUpperBound() <= BrokerReconnect.MaxDelay * 1.25);
        // The same exceptions count as "the broker is away", and a refused password still stops the retrying.
        Assert.True(after.IsHandled(new RabbitMqConnectionException("refused")));
        Assert.False(after.IsHandled(new RabbitMQ.Client.Exceptions.AuthenticationFailureException("bad password")));
    }
}

internal static class RetryPolicyIntervals
{
    /// <summary>The longest wait among the first hundred attempts, with jitter at its top.</summary>
    public static TimeSpan GetRetryIntervalUpperBound(this IRetryPolicy policy) =>
        policy is MassTransit.RetryPolicies.ExponentialRetryPolicy exponential
            ? Enumerable.Range(0, 100).Select(exponential.GetRetryInterval).Max()
            : throw new InvalidOperationException($"Expected an exponential policy, got {policy}.");
}
