namespace Gateway.Messaging.Inbox;

/// <summary>An event a consumer has applied; a redelivery of the same id is then skipped.</summary>
public sealed class InboxRecord
{
    public Guid EventId { get; set; }

    /// <summary>The consumer's name: one event is applied once per consumer, not once overall.</summary>
    public required string Consumer { get; set; }

    public DateTime ProcessedAt { get; set; }
}
