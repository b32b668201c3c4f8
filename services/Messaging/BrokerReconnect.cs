using System.Reflection;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.RabbitMqTransport;
using RabbitMQ.Client.Exceptions;

namespace Tinjau.Messaging;

/// <summary>
/// How soon a receive endpoint tries the broker again after its connection failed. MassTransit 8.5 waits about 6, 9,
/// 15, 27, then 30 s between attempts and has no setting for it, so after a broker restart the consumers stayed away for up
/// to half a minute while the broker was already back. This puts the same policy (the same exceptions, the same
/// "authentication failure is final") that waits about 2, 3, then 5 s (1 s plus a doubling 1 s step, capped at 5 s,
/// with MassTransit's ±25 % jitter) into the host configuration, through its private
/// field: <see cref="Apply"/> says whether it could, and a test fails when a MassTransit upgrade moves the field.
/// </summary>
public static class BrokerReconnect
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>Replaces the receive (and so the send) transport's retry policy of the bus being configured.</summary>
    public static bool Apply(IRabbitMqBusFactoryConfigurator configurator)
    {
        var host = HostConfiguration(configurator);
        var field = host?.GetType().GetField($"<{nameof(IHostConfiguration.ReceiveTransportRetryPolicy)}>k__BackingField",
            BindingFlags.Instance | BindingFlags.NonPublic);
        if (host is null || field is null || field.FieldType != typeof(IRetryPolicy))
        {
            return false;
        }
        field.SetValue(host, Policy());
        return true;
    }

    /// <summary>The policy the bus being configured will use (read back by the tests).</summary>
    public static IRetryPolicy? Current(IRabbitMqBusFactoryConfigurator configurator) =>
        HostConfiguration(configurator)?.ReceiveTransportRetryPolicy;

    private static IHostConfiguration? HostConfiguration(IRabbitMqBusFactoryConfigurator configurator)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return configurator.GetType().GetField("_hostConfiguration", BindingFlags.Instance | BindingFlags.NonPublic)
            ?.GetValue(configurator) as IHostConfiguration;
    }

    internal static IRetryPolicy Policy() => Retry.CreatePolicy(x =>
    {
        x.Handle<ConnectionException>();
        x.Handle<AlreadyClosedException>();
        x.Handle<EndOfStreamException>();
        x.Handle<OperationInterruptedException>(exception => exception.ChannelShouldBeClosed());
        x.Handle<NotSupportedException>(exception => exception.Message.Contains("Pipelining of requests forbidden", StringComparison.Ordinal));
        x.Ignore<AuthenticationFailureException>();
        x.Exponential(int.MaxValue, FirstDelay, MaxDelay, FirstDelay);
    });
}
