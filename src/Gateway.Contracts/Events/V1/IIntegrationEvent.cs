namespace Gateway.Contracts.Events.V1;

/// <summary>
/// What every event carries, whoever publishes it. Agency apps outside .NET see these as the first
/// four fields of the message (docs/events.md).
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>Unique per event; a consumer that saw this id before must not apply it again.</summary>
    Guid EventId { get; }

    /// <summary>When the change happened (not when it was delivered).</summary>
    DateTimeOffset OccurredAt { get; }

    /// <summary>Code of the agency the event comes from (e.g. <c>diskominfo</c>, <c>disdukcapil</c>).</summary>
    string SourceAgency { get; }

    /// <summary>Ties together the events of one piece of work (a complaint and its routing, a request and its updates).</summary>
    Guid CorrelationId { get; }
}
