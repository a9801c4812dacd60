using Gateway.Messaging.Persistence;
using Gateway.Messaging.Subscriptions;
using Gateway.Platform.Audit;
using Gateway.Platform.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Messaging.Webhooks;

/// <summary>A webhook delivery as administrators see it (the body is the CloudEvent that was or will be posted).</summary>
public sealed record WebhookDeliveryView(
    long Id,
    Guid SubscriptionId,
    Guid EventId,
    string EventType,
    WebhookDeliveryStatus Status,
    int Attempts,
    DateTime NextAttemptAt,
    DateTime CreatedAt,
    DateTime? DeliveredAt,
    int? LastStatusCode,
    string? LastError);

/// <summary><c>/api/admin/webhooks</c>: what was delivered, what is failing, and replaying the dead-letter list.</summary>
internal static class WebhookAdminApi
{
    public static void MapWebhookAdminApi(this RouteGroupBuilder admin)
    {
        var webhooks = admin.MapGroup("/webhooks").WithTags("Admin: webhooks");
        webhooks.MapGet("/deliveries", List)
            .WithSummary("Webhook deliveries, newest first (filter by status: pending, delivered, dead; and by subscriptionId)")
            .Produces<List<WebhookDeliveryView>>()
            .ProducesValidationProblem();
        webhooks.MapGet("/dead-letters", DeadLetters)
            .WithSummary("Deliveries that failed every retry");
        webhooks.MapPost("/dead-letters/{id:long}/replay", Replay)
            .WithSummary("Send a dead delivery again, with a fresh set of retries")
            .Produces<WebhookDeliveryView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static WebhookDeliveryView ToView(WebhookDelivery d) => new(
        d.Id, d.SubscriptionId, d.EventId, d.EventType, d.Status, d.Attempts, d.NextAttemptAt, d.CreatedAt, d.DeliveredAt, d.LastStatusCode, d.LastError);

    private static async Task<IResult> List(
        string? status, Guid? subscriptionId, int? limit, MessagingDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var wanted = QueryFilters.Enum<WebhookDeliveryStatus>(status, "status", errors);
        return errors.Count > 0
            ? Problems.Result(ProblemKind.Validation, errors: errors)
            : TypedResults.Ok(await QueryAsync(wanted, subscriptionId, limit, db, cancellationToken));
    }

    private static async Task<List<WebhookDeliveryView>> QueryAsync(
        WebhookDeliveryStatus? status, Guid? subscriptionId, int? limit, MessagingDbContext db, CancellationToken cancellationToken)
    {
        var query = db.WebhookDeliveries.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(d => d.Status == s);
        }

        if (subscriptionId is { } id)
        {
            query = query.Where(d => d.SubscriptionId == id);
        }

        var list = await query.OrderByDescending(d => d.Id).Take(Math.Clamp(limit ?? 100, 1, 1000)).ToListAsync(cancellationToken);
        return list.Select(ToView).ToList();
    }

    private static async Task<Ok<List<WebhookDeliveryView>>> DeadLetters(Guid? subscriptionId, int? limit, MessagingDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await QueryAsync(WebhookDeliveryStatus.Dead, subscriptionId, limit, db, cancellationToken));

    private static async Task<IResult> Replay(
        long id, MessagingDbContext db, WebhookSignal signal, AuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (delivery is null)
        {
            return Problems.NotFound(SubscriptionMessages.UnknownDelivery.With(id));
        }

        if (delivery.Status != WebhookDeliveryStatus.Dead)
        {
            return Problems.Result(ProblemKind.Conflict, SubscriptionMessages.NotDead.With(id, delivery.Status.ToString().ToLowerInvariant()));
        }

        delivery.Status = WebhookDeliveryStatus.Pending;
        delivery.Attempts = 0;
        delivery.NextAttemptAt = time.GetUtcNow().UtcDateTime;
        audit.Record(db, new AuditEntry("messaging.webhook.replayed", "webhook-delivery", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AuditSummary.Facts(new { delivery.SubscriptionId, delivery.EventType })));
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return TypedResults.Accepted($"/api/admin/webhooks/deliveries?subscriptionId={delivery.SubscriptionId}", ToView(delivery));
    }
}
