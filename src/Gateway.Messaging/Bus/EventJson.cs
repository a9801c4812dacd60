using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Messaging.Bus;

/// <summary>
/// The JSON of events everywhere they leave .NET (outbox rows, the bus, webhooks): camelCase
/// properties, enums as camelCase strings, nulls left out. docs/events.md shows the result.
/// </summary>
public static class EventJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the event conventions to a serializer's options (MassTransit's, ours).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // First in the list so it wins over a PascalCase enum converter another library added.
        options.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
