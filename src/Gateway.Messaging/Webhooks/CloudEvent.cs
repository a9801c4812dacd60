using System.Text.Json;
using System.Text.Json.Serialization;
using Gateway.Contracts.Events.V1;
using Gateway.Messaging.Bus;

namespace Gateway.Messaging.Webhooks;

/// <summary>
/// The webhook body: a CloudEvents 1.0 JSON document (https://cloudevents.io), so an agency app can use
/// any CloudEvents library or plain JSON. <c>data</c> is the event exactly as on the bus.
/// </summary>
internal sealed record CloudEvent(
    [property: JsonPropertyName("specversion")] string SpecVersion,
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("datacontenttype")] string DataContentType,
    [property: JsonPropertyName("data")] JsonElement Data)
{
    public static string Serialize<TEvent>(TEvent @event) where TEvent : class, IIntegrationEvent =>
        JsonSerializer.Serialize(new CloudEvent(
            "1.0",
            @event.EventId,
            $"/satupintu/{@event.SourceAgency}",
            $"satupintu.{EventTypes.Version}.{EventTypes.NameOf<TEvent>()}",
            @event.OccurredAt,
            "application/json",
            JsonSerializer.SerializeToElement(@event, EventJson.Options)), EventJson.Options);
}
