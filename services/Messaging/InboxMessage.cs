namespace Tinjau.Messaging;

/// <summary>
/// A message a consumer has already applied. Table <c>inbox_messages</c>, key (<c>message_id</c>, <c>consumer</c>).
/// </summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; internal set; }

    /// <summary>The consumer's stable name, e.g. <c>complaints.unit-registered</c>.</summary>
    public string Consumer { get; internal set; } = "";

    public DateTimeOffset ProcessedAt { get; internal set; }
}
