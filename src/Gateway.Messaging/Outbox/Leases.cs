using Gateway.Messaging.Bus;
using Gateway.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Messaging.Outbox;

/// <summary>Takes, renews and hands back the leases of singleton jobs (one conditional UPDATE each).</summary>
internal sealed class Leases(InstanceIdentity instance, TimeProvider time)
{
    /// <summary>True when this instance holds <paramref name="name"/> for the next <paramref name="duration"/>.</summary>
    public async Task<bool> TryHoldAsync(MessagingDbContext db, string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + duration;
        var me = instance.Name;
        var updated = await db.Leases
            .Where(l => l.Name == name && (l.Holder == me || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, me).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        return updated == 1;
    }

    /// <summary>Hands the lease over at once on a clean stop, so another instance need not wait for it to expire.</summary>
    public Task ReleaseAsync(MessagingDbContext db, string name, CancellationToken cancellationToken) =>
        db.Leases.Where(l => l.Name == name && l.Holder == instance.Name)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTime.UnixEpoch), cancellationToken);
}
