using System.Collections.Frozen;
using Gateway.Contracts.Events.V1;

namespace Gateway.Messaging.Bus;

/// <summary>
/// Every event contract by name. The name (the record's name) is what the outbox stores, what
/// subscriptions refer to and what webhooks carry; the CLR type is what MassTransit publishes.
/// </summary>
public static class EventTypes
{
    public const string Version = "v1";

    public static readonly FrozenDictionary<string, Type> ByName = typeof(IIntegrationEvent).Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Contracts that name the agency they concern (an <c>AgencyCode</c> property), so subscriptions can filter on it.</summary>
    public static readonly FrozenSet<string> WithAgencyCode = ByName
        .Where(e => e.Value.GetProperty("AgencyCode")?.PropertyType == typeof(string))
        .Select(e => e.Key)
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Contracts that carry a resident's personal data (NIK, name, address, contacts, form answers): only the
    /// agencies in <c>Messaging:PersonalDataAgencies</c> may subscribe to them.
    /// </summary>
    public static readonly FrozenSet<string> CarryingPersonalData =
        new[] { "CitizenRegistered", "CitizenProfileChanged", "ServiceRequestSubmitted" }.Where(ByName.ContainsKey).ToFrozenSet(StringComparer.Ordinal);

    public static string NameOf(Type type) => type.Name;

    public static string NameOf<T>() where T : IIntegrationEvent => typeof(T).Name;

    /// <summary>The RabbitMQ exchange MassTransit publishes a contract to: its full type name, <c>Namespace:Name</c>.</summary>
    public static string ExchangeOf(Type type) => $"{type.Namespace}:{type.Name}";

    /// <summary>The MassTransit message type URN in the envelope's <c>messageType</c> array.</summary>
    public static string UrnOf(Type type) => $"urn:message:{type.Namespace}:{type.Name}";
}
