using Gateway.Messaging.Bus;
using Gateway.Messaging.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Messaging.Subscriptions;

/// <summary>
/// <c>GET /api/events</c>: the event catalogue agency developers read: every event type, where it is
/// published on RabbitMQ, and which agencies receive it. Wire format and examples: docs/events.md.
/// </summary>
internal static class EventCatalogueApi
{
    public static void MapEventCatalogueApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/events", List)
            .WithTags("Events")
            .WithSummary("The event catalogue: event types, their RabbitMQ exchanges and their subscribers");

    private static async Task<Ok<List<EventTypeView>>> List(MessagingDbContext db, CancellationToken cancellationToken)
    {
        var subscribers = (await db.Subscriptions.AsNoTracking()
                .Where(s => s.Active)
                .Select(s => new { s.EventType, s.AgencyCode, s.Delivery })
                .ToListAsync(cancellationToken))
            .GroupBy(s => s.EventType)
            .ToDictionary(g => g.Key, g => g.Select(s => new EventSubscriberView(s.AgencyCode, s.Delivery)).Distinct()
                .OrderBy(s => s.AgencyCode, StringComparer.Ordinal).ToList());
        return TypedResults.Ok(EventTypes.ByName.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new EventTypeView(
                e.Key,
                EventTypes.Version,
                EventDescriptions.ByName.TryGetValue(e.Key, out var d) ? d.Localize() : e.Key,
                EventTypes.ExchangeOf(e.Value),
                EventTypes.UrnOf(e.Value),
                subscribers.GetValueOrDefault(e.Key) ?? []))
            .ToList());
    }
}
