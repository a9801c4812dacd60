namespace Gateway.Messaging.Outbox;

/// <summary>
/// Which gateway instance runs a singleton job (the outbox dispatcher) until when.
/// One holder at a time keeps per-aggregate order without locking rows; a crashed holder's lease expires.
/// </summary>
public sealed class DispatcherLease
{
    public const string Outbox = "outbox";

    public required string Name { get; set; }
    public string? Holder { get; set; }
    public DateTime ExpiresAt { get; set; }
}
