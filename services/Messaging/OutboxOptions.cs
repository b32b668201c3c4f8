namespace Tinjau.Messaging;

/// <summary>
/// Tuning of the outbox dispatcher, bound from configuration section <c>Messaging:Outbox</c>.
/// The defaults suit every service; tests shorten them.
/// </summary>
public sealed class OutboxOptions
{
    /// <summary>
    /// Rows claimed per transaction: a pass costs about the same for 50 rows as for 200 (one claim, one update, one
    /// commit), so under intake a larger batch is what keeps the events from falling behind.
    /// </summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>How often the dispatcher looks for rows when nobody woke it (other instances' writes, retries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one publish; MassTransit's Publish waits for the broker while it is down.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First retry delay of a failed row; doubles per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sent rows are kept this long (for diagnosis), then deleted.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Inbox rows are kept this long; a redelivery later than this would be applied again.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the dispatcher deletes expired outbox and inbox rows (in small chunks).</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the pending-rows gauge is refreshed with a count query.</summary>
    public TimeSpan PendingCountInterval { get; set; } = TimeSpan.FromSeconds(15);

    internal TimeSpan RetryDelay(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 20);
        var delay = FirstRetryDelay * Math.Pow(2, exponent);
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
