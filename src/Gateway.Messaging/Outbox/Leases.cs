using System.Collections.Concurrent;
using Gateway.Messaging.Bus;
using Gateway.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Messaging.Outbox;

/// <summary>
/// Takes, renews and hands back the leases of singleton jobs (one conditional UPDATE each). A lease this
/// instance holds with more than half its time left is not renewed again: the dispatcher asks once per
/// batch, which under load meant one extra write per event for nothing.
/// </summary>
internal sealed class Leases(InstanceIdentity instance, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTime> _heldUntil = new(StringComparer.Ordinal);

    /// <summary>True when this instance holds <paramref name="name"/> for at least the next half of <paramref name="duration"/>.</summary>
    public async Task<bool> TryHoldAsync(MessagingDbContext db, string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_heldUntil.TryGetValue(name, out var heldUntil) && heldUntil - now > duration / 2)
        {
            return true;
        }

        var until = now + duration;
        var me = instance.Name;
        var updated = await db.Leases
            .Where(l => l.Name == name && (l.Holder == me || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, me).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (updated == 1)
        {
            _heldUntil[name] = until;
            return true;
        }

        _heldUntil.TryRemove(name, out _);
        return false;
    }

    /// <summary>Hands the lease over at once on a clean stop, so another instance need not wait for it to expire.</summary>
    public Task ReleaseAsync(MessagingDbContext db, string name, CancellationToken cancellationToken)
    {
        _heldUntil.TryRemove(name, out _);
        return db.Leases.Where(l => l.Name == name && l.Holder == instance.Name)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTime.UnixEpoch), cancellationToken);
    }
}
