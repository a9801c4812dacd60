using Gateway.Messaging.Persistence;
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
    DateTime? DispatcherLeaseExpiresAt);

/// <summary><c>GET /api/admin/events/outbox</c>.</summary>
internal static class OutboxAdminApi
{
    public static void MapOutboxAdminApi(this RouteGroupBuilder admin) =>
        admin.MapGet("/events/outbox", Status)
            .WithTags("Admin: events")
            .WithSummary("Events waiting to be published, the oldest one's age, the last publish error and the dispatching instance");

    private static async Task<Ok<OutboxStatusView>> Status(MessagingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var hourAgo = time.GetUtcNow().UtcDateTime.AddHours(-1);
        var pending = db.Outbox.AsNoTracking().Where(m => m.SentAt == null);
        var oldest = await pending.OrderBy(m => m.Id).Select(m => new { m.CreatedAt, m.LastError }).FirstOrDefaultAsync(cancellationToken);
        var lease = await db.Leases.AsNoTracking().SingleOrDefaultAsync(l => l.Name == DispatcherLease.Outbox, cancellationToken);
        var leaseLive = lease is not null && lease.ExpiresAt > time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(new OutboxStatusView(
            await pending.CountAsync(cancellationToken),
            oldest?.CreatedAt,
            oldest?.LastError,
            await db.Outbox.CountAsync(m => m.SentAt != null && m.SentAt > hourAgo, cancellationToken),
            leaseLive ? lease!.Holder : null,
            leaseLive ? lease!.ExpiresAt : null));
    }
}
