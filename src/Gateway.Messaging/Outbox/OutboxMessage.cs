namespace Gateway.Messaging.Outbox;

/// <summary>
/// An event waiting to be published, written in the same transaction as the change that caused it.
/// Times are UTC <see cref="DateTime"/>s: every module maps this table, and a plain timestamp reads
/// the same in all of them on SQLite and PostgreSQL.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Insertion order; the dispatcher publishes in this order within an aggregate.</summary>
    public long Id { get; set; }

    public Guid EventId { get; set; }

    /// <summary>The contract's name, e.g. <c>ComplaintRouted</c> (see <see cref="Bus.EventTypes"/>).</summary>
    public required string EventType { get; set; }

    /// <summary>The thing whose events must arrive in order, e.g. <c>service:ktp-elektronik</c>.</summary>
    public required string AggregateKey { get; set; }

    public Guid CorrelationId { get; set; }

    /// <summary>The event as JSON (camelCase, enums as camelCase strings).</summary>
    public required string Payload { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>Failed attempts that count towards parking (not those made while the broker was away).</summary>
    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>After a failure, not tried again (nor are later events of its aggregate) before this time.</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>
    /// Set when the row failed <c>Outbox:MaxAttempts</c> times: it can never be published as it is (an unknown
    /// type, a payload that no longer reads), so it no longer holds back its aggregate and waits for an
    /// administrator (<c>/api/admin/events/outbox</c>).
    /// </summary>
    public DateTime? ParkedAt { get; set; }
}
