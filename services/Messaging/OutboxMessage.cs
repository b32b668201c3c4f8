namespace Tinjau.Messaging;

/// <summary>
/// An integration event waiting to be published (or published and kept for a while), written in the same
/// transaction as the state change that raised it. Table <c>outbox_messages</c>.
/// </summary>
public sealed class OutboxMessage
{
    internal const int LastErrorMaxLength = 2000;

    /// <summary>Version-7 (time-ordered) guid; published as the MassTransit <c>MessageId</c>.</summary>
    public Guid Id { get; internal set; }

    /// <summary>Stable type name: <c>Namespace.TypeName, AssemblyName</c> (no version, no culture, no key).</summary>
    public string MessageType { get; internal set; } = "";

    /// <summary>The event as JSON (jsonb).</summary>
    public string Payload { get; internal set; } = "";

    public DateTimeOffset OccurredAt { get; internal set; }

    /// <summary>W3C <c>traceparent</c> of the activity that was current when the event was added.</summary>
    public string? TraceParent { get; internal set; }

    /// <summary>W3C <c>tracestate</c> of that activity.</summary>
    public string? TraceState { get; internal set; }

    public int Attempts { get; internal set; }

    /// <summary>When a failed row may be tried again; null means as soon as possible.</summary>
    public DateTimeOffset? NextAttemptAt { get; internal set; }

    /// <summary>When the broker confirmed the publish; null while the row is pending.</summary>
    public DateTimeOffset? SentAt { get; internal set; }

    public string? LastError { get; internal set; }
}
