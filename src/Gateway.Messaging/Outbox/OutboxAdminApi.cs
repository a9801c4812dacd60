using Gateway.Messaging.Persistence;
using Gateway.Platform.Audit;
using Gateway.Platform.Database;
using Gateway.Platform.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Messaging.Outbox;

/// <summary>What an operator asks when events seem late: how many wait, since when, why, and who dispatches.</summary>
public sealed record OutboxStatusView(
    int Pending,
    DateTime? OldestPendingCreatedAt,
    string? LastError,
    int SentLastHour,
    string? Dispatcher,
    DateTime? DispatcherLeaseExpiresAt,
    int Parked,
    IReadOnlyList<ParkedEventView> ParkedEvents);

/// <summary>An event set aside after <c>Outbox:MaxAttempts</c> failures, with the error that parked it.</summary>
public sealed record ParkedEventView(
    long Id,
    Guid EventId,
    string EventType,
    string AggregateKey,
    int Attempts,
    string? LastError,
    DateTime CreatedAt,
    DateTime ParkedAt);

/// <summary>How many parked events were given a fresh set of attempts.</summary>
public sealed record OutboxReleasedView(int Released);

/// <summary><c>/api/admin/events/outbox</c>: the dispatcher's state, and releasing parked events once their cause is fixed.</summary>
internal static class OutboxAdminApi
{
    /// <summary>The newest parked events listed in the status (the count covers them all).</summary>
    private const int ParkedShown = 50;

    public static void MapOutboxAdminApi(this RouteGroupBuilder admin)
    {
        var outbox = admin.MapGroup("/events/outbox").WithTags("Admin: events");
        outbox.MapGet("/", Status)
            .WithSummary("Events waiting to be published, the oldest one's age, the last publish error, the dispatching instance and parked events");
        outbox.MapPost("/parked/{id:long}/release", ReleaseOne)
            .WithSummary("Give a parked event a fresh set of attempts (after its cause is fixed, e.g. a contract restored)")
            .Produces<ParkedEventView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound);
        outbox.MapPost("/parked/release", ReleaseAll)
            .WithSummary("Give every parked event a fresh set of attempts; answers how many were released");
    }

    private static async Task<Ok<OutboxStatusView>> Status(MessagingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var hourAgo = time.GetUtcNow().UtcDateTime.AddHours(-1);
        var pending = db.Outbox.AsNoTracking().Where(m => m.SentAt == null && m.ParkedAt == null);
        var oldest = await pending.OrderBy(m => m.Id).Select(m => new { m.CreatedAt, m.LastError }).FirstOrDefaultAsync(cancellationToken);
        var parked = db.Outbox.AsNoTracking().Where(m => m.ParkedAt != null);
        var lease = await db.Leases.AsNoTracking().SingleOrDefaultAsync(l => l.Name == DispatcherLease.Outbox, cancellationToken);
        var leaseLive = lease is not null && lease.ExpiresAt > time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(new OutboxStatusView(
            await pending.CountAsync(cancellationToken),
            oldest?.CreatedAt,
            oldest?.LastError,
            await db.Outbox.CountAsync(m => m.SentAt != null && m.SentAt > hourAgo, cancellationToken),
            leaseLive ? lease!.Holder : null,
            leaseLive ? lease!.ExpiresAt : null,
            await parked.CountAsync(cancellationToken),
            (await parked.OrderByDescending(m => m.Id).Take(ParkedShown).ToListAsync(cancellationToken)).Select(ToView).ToList()));
    }

    private static async Task<IResult> ReleaseOne(long id, MessagingDbContext db, OutboxSignal signal, AuditTrail audit, CancellationToken cancellationToken)
    {
        var message = await db.Outbox.SingleOrDefaultAsync(m => m.Id == id && m.ParkedAt != null, cancellationToken);
        if (message is null)
        {
            return Problems.NotFound(OutboxMessages.NotParked.With(id));
        }

        var view = ToView(message);
        Release(message);
        audit.Record(db, new AuditEntry("messaging.outbox.released", "outbox-event", message.EventId.ToString(),
            AuditSummary.Facts(new { message.EventType, message.AggregateKey })));
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return TypedResults.Accepted("/api/admin/events/outbox", view);
    }

    private static async Task<Ok<OutboxReleasedView>> ReleaseAll(MessagingDbContext db, OutboxSignal signal, AuditTrail audit, CancellationToken cancellationToken)
    {
        // The release and its audit record in one transaction.
        var released = await db.InTransactionAsync(async () =>
        {
            var count = await db.Outbox.Where(m => m.ParkedAt != null).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ParkedAt, (DateTime?)null)
                .SetProperty(m => m.NextAttemptAt, (DateTime?)null)
                .SetProperty(m => m.Attempts, 0), cancellationToken);
            db.ChangeTracker.Clear();
            audit.Record(db, new AuditEntry("messaging.outbox.released", "outbox-event", "all parked", AuditSummary.Facts(new { released = count })));
            await db.SaveChangesAsync(cancellationToken);
            return count;
        }, cancellationToken);
        signal.Notify();
        return TypedResults.Ok(new OutboxReleasedView(released));
    }

    /// <summary>Released, an event goes out after any later events of its aggregate that were published meanwhile.</summary>
    private static void Release(OutboxMessage message)
    {
        message.ParkedAt = null;
        message.NextAttemptAt = null;
        message.Attempts = 0;
    }

    private static ParkedEventView ToView(OutboxMessage m) =>
        new(m.Id, m.EventId, m.EventType, m.AggregateKey, m.Attempts, m.LastError, m.CreatedAt, m.ParkedAt ?? default);
}
