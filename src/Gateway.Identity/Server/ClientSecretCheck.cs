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
/// Remembers recently verified client secrets. OpenIddict stores secrets as slow PBKDF2 hashes (right:
/// a stolen table must not give them away), which made every client-credentials request cost ~15 ms of
/// CPU. A success is kept for a few minutes, keyed by a SHA-256 of the presented secret and the stored
/// hash, so a rotated secret or a deleted client never matches an old entry; failures are never cached.
/// </summary>
internal sealed class VerifiedClientSecrets : IDisposable
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(5);

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
    VerifiedClientSecrets verified)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication<Guid>>(cache, logger, options, store)
{
    protected override async ValueTask<bool> ValidateClientSecretAsync(string secret, string comparand, CancellationToken cancellationToken = default)
    {
        var key = VerifiedClientSecrets.Key(secret, comparand);
        if (verified.Cache.TryGetValue(key, out _))
        {
            return true;
        }

        if (!await base.ValidateClientSecretAsync(secret, comparand, cancellationToken))
        {
            return false;
        }

        verified.Cache.Set(key, true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = VerifiedClientSecrets.KeptFor, Size = 1 });
        return true;
    }
}
