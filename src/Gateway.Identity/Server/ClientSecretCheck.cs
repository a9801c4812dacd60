using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace Gateway.Identity.Server;

/// <summary>
/// Remembers recently checked client secrets. OpenIddict stores secrets as slow PBKDF2 hashes (right:
/// a stolen table must not give them away), which made every client-credentials request cost ~15 ms of
/// CPU. A success is kept for a few minutes, keyed by a SHA-256 of the presented secret and the stored
/// hash, so a rotated secret or a deleted client never matches an old entry. A failure is kept briefly
/// too: the same wrong secret sent again is refused without hashing it again.
/// </summary>
internal sealed class VerifiedClientSecrets : IDisposable
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan FailureKeptFor = TimeSpan.FromMinutes(1);

    public MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public static string Key(string secret, string comparand) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret + "\n" + comparand)));

    public void Dispose() => Cache.Dispose();
}

internal sealed class GatewayApplicationManager(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication<Guid>> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication<Guid>>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication<Guid>> store,
    VerifiedClientSecrets verified,
    Gateway.Platform.Edge.RateLimits.Throttle throttle,
    IOptions<Gateway.Platform.Edge.RateLimits.RateLimitOptions> limits)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication<Guid>>(cache, logger, options, store)
{
    protected override async ValueTask<bool> ValidateClientSecretAsync(string secret, string comparand, CancellationToken cancellationToken = default)
    {
        var key = VerifiedClientSecrets.Key(secret, comparand);
        if (verified.Cache.TryGetValue(key, out bool known))
        {
            return known;
        }

        // Hashing is the expensive part: each client gets a budget of real checks, so guessing one
        // client's secret from many addresses cannot take the CPU either.
        if (!throttle.TryAcquire(limits.Value.SecretChecksPerClient, "secret:" + comparand, out _))
        {
            return false;
        }

        var valid = await base.ValidateClientSecretAsync(secret, comparand, cancellationToken);
        verified.Cache.Set(key, valid, new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = valid ? VerifiedClientSecrets.KeptFor : VerifiedClientSecrets.FailureKeptFor,
            Size = 1,
        });
        return valid;
    }
}
