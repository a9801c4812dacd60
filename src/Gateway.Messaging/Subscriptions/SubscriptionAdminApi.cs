using System.Security.Cryptography;
using Gateway.Contracts.Events.V1;
using Gateway.Messaging.Bus;
using Gateway.Messaging.Persistence;
using Gateway.Platform.Agencies;
using Gateway.Platform.Audit;
using Gateway.Platform.Database;
using Gateway.Platform.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Messaging.Subscriptions;

/// <summary><c>/api/admin/subscriptions</c>: which agency app receives which event, and how.</summary>
internal static class SubscriptionAdminApi
{
    public const string SecretPurpose = "SatuPintu.Messaging.WebhookSecret";

    public static void MapSubscriptionAdminApi(this RouteGroupBuilder admin)
    {
        var subscriptions = admin.MapGroup("/subscriptions").WithTags("Admin: event subscriptions");
        subscriptions.MapGet("/", List)
            .WithSummary("List subscriptions (filter by agencyCode or eventType)");
        subscriptions.MapGet("/{id:guid}", Get)
            .WithSummary("One subscription")
            .Produces<SubscriptionView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        subscriptions.MapPost("/", Create)
            .WithSummary("Subscribe an agency app to an event type, by AMQP queue or webhook. A webhook's signing secret is returned only here.")
            .Produces<CreatedSubscriptionView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        subscriptions.MapDelete("/{id:guid}", Delete)
            .WithSummary("End a subscription (pending webhook deliveries for it are dropped)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static SubscriptionView ToView(this EventSubscription s) => new(
        s.Id, s.AgencyCode, s.EventType, s.Delivery, s.WebhookUrl, s.OwnAgencyOnly, s.Description, s.Active, s.CreatedAt,
        s.Delivery == DeliveryMethod.Amqp ? AgencyQueues.NameFor(s.AgencyCode) : null);

    private static async Task<Ok<List<SubscriptionView>>> List(string? agencyCode, string? eventType, MessagingDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Subscriptions.AsNoTracking();
        if (!string.IsNullOrEmpty(agencyCode))
        {
            query = query.Where(s => s.AgencyCode == agencyCode);
        }

        if (!string.IsNullOrEmpty(eventType))
        {
            query = query.Where(s => s.EventType == eventType);
        }

        var list = await query.OrderBy(s => s.AgencyCode).ThenBy(s => s.EventType).ToListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(s => s.ToView()).ToList());
    }

    private static async Task<IResult> Get(Guid id, MessagingDbContext db, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return subscription is null
            ? Problems.NotFound(SubscriptionMessages.UnknownSubscription.With(id))
            : TypedResults.Ok(subscription.ToView());
    }

    private static async Task<IResult> Create(
        SubscriptionInput input,
        MessagingDbContext db,
        IAgencyDirectory agencies,
        IDataProtectionProvider protection,
        SubscriptionCache cache,
        SubscriptionEvents events,
        AgencyQueues queues,
        Gateway.Platform.Edge.Outbound.OutboundGuard outbound,
        Microsoft.Extensions.Options.IOptions<Gateway.Platform.Edge.EdgeOptions> edge,
        Microsoft.Extensions.Options.IOptions<MessagingOptions> messaging,
        AuditTrail audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var validation = new SubscriptionInputValidator(agencies, edge.Value.AllowHttp, messaging.Value.PersonalDataAgencies).Validate(input);
        if (!validation.IsValid)
        {
            return Problems.Result(ProblemKind.Validation, errors: validation.ToErrors());
        }

        // The gateway will call this address with signed events: it must not be one of the gateway's own
        // or of the machine's (checked again when connecting).
        if (input.WebhookUrl is { } url && await outbound.CheckAsync(new Uri(url), cancellationToken) is { } refused)
        {
            return Problems.Result(ProblemKind.Validation, refused, Problems.FieldError("webhookUrl", refused));
        }

        var secret = input.Delivery == DeliveryMethod.Webhook
            ? input.Secret ?? Base64Url(RandomNumberGenerator.GetBytes(32))
            : null;
        var subscription = new EventSubscription
        {
            Id = Guid.CreateVersion7(),
            AgencyCode = input.AgencyCode!,
            EventType = input.EventType!,
            Delivery = input.Delivery!.Value,
            WebhookUrl = input.WebhookUrl,
            ProtectedSecret = secret is null ? null : protection.CreateProtector(SecretPurpose).Protect(secret),
            Description = input.Description,
            OwnAgencyOnly = input.OwnAgencyOnly,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Subscriptions.Add(subscription);
        events.Changed(db, SubscriptionChangeKind.Created, subscription);
        audit.Record(db, new AuditEntry("messaging.subscription.created", "subscription", subscription.Id.ToString(), AuditSummary.Of(db, subscription)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return Problems.Result(ProblemKind.Conflict, SubscriptionMessages.AlreadySubscribed.With(input.AgencyCode, input.EventType));
        }

        await cache.ReloadAsync(cancellationToken);
        if (subscription.Delivery == DeliveryMethod.Amqp)
        {
            await queues.AddBindingAsync(subscription.AgencyCode, subscription.EventType, cancellationToken);
        }

        return TypedResults.Created($"/api/admin/subscriptions/{subscription.Id}", new CreatedSubscriptionView(subscription.ToView(), secret));
    }

    private static async Task<IResult> Delete(
        Guid id, MessagingDbContext db, SubscriptionCache cache, SubscriptionEvents events, AgencyQueues queues, AuditTrail audit,
        CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null)
        {
            return Problems.NotFound(SubscriptionMessages.UnknownSubscription.With(id));
        }

        db.Subscriptions.Remove(subscription);
        events.Changed(db, SubscriptionChangeKind.Deleted, subscription);
        audit.Record(db, new AuditEntry("messaging.subscription.deleted", "subscription", subscription.Id.ToString(), AuditSummary.Of(db, subscription)));
        await db.SaveChangesAsync(cancellationToken);
        await cache.ReloadAsync(cancellationToken);
        if (subscription.Delivery == DeliveryMethod.Amqp)
        {
            await queues.RemoveBindingAsync(subscription.AgencyCode, subscription.EventType, cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
