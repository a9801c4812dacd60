using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Gateway.Platform.Edge.RateLimits;

/// <summary>
/// Limits per account or client app — what a per-address limit cannot see (one login attacked from many
/// addresses, one client's secret guessed from many). Code asks before the costly or noisy step (hashing a
/// password, sending a message) and, when refused, answers 429 with the wait. Built on the same
/// System.Threading.RateLimiting limiters as ASP.NET Core's middleware; counts are per replica.
/// </summary>
public sealed class Throttle(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<Limit, PartitionedRateLimiter<string>> _limiters = new();

    /// <summary>True when <paramref name="key"/> may go on under <paramref name="limit"/>; otherwise how long to wait.</summary>
    public bool TryAcquire(Limit limit, string key, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!options.Value.Enabled)
        {
            return true;
        }

        var limiter = _limiters.GetOrAdd(limit, static l => l.PerKey());
        using var lease = limiter.AttemptAcquire(key.ToUpperInvariant());
        if (lease.IsAcquired)
        {
            return true;
        }

        retryAfter = limit.RetryAfter(lease);
        return false;
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }
}
