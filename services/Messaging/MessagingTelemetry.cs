using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tinjau.Messaging;

/// <summary>
/// The library's ActivitySource and Meter, both named <c>Tinjau.Messaging</c> (exported by ServiceDefaults,
/// which listens to <c>Tinjau.*</c>).
/// </summary>
public static class MessagingTelemetry
{
    public const string Name = "Tinjau.Messaging";

    public static readonly ActivitySource ActivitySource = new(Name);

    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Published =
        Meter.CreateCounter<long>("tinjau.outbox.published", "{message}", "Outbox messages published to the broker.");

    internal static readonly Counter<long> PublishFailures =
        Meter.CreateCounter<long>("tinjau.outbox.publish_failures", "{message}", "Outbox publish attempts that failed and were rescheduled.");

    internal static readonly Histogram<double> PublishDelay =
        Meter.CreateHistogram<double>("tinjau.outbox.delay", "s", "Time from AddIntegrationEvent to confirmed publish.");

    internal static readonly Counter<long> InboxDuplicates =
        Meter.CreateCounter<long>("tinjau.inbox.duplicates", "{message}", "Messages skipped because the consumer had already applied them.");

    internal static readonly Histogram<double> ConsumerLag =
        Meter.CreateHistogram<double>("tinjau.consumer.lag", "s", "Time from the broker's send to the consumer's committed apply.");

    /// <summary>Unsent rows seen by the last dispatcher pass, per DbContext (a lower bound when a batch was full).</summary>
    internal static void ObservePending(string dbContext, Func<long> read) => PendingReaders[dbContext] = read;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Func<long>> PendingReaders = new();

    static MessagingTelemetry()
    {
        Meter.CreateObservableGauge("tinjau.outbox.pending",
            () => PendingReaders.Select(p => new Measurement<long>(p.Value(), new KeyValuePair<string, object?>("db.context", p.Key))),
            "{message}", "Outbox rows waiting to be published, as of the dispatcher's last pass.");
    }
}
