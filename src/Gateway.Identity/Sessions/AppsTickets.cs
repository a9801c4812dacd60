using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;

namespace Gateway.Identity.Sessions;

/// <summary>
/// One-minute, single-use tickets that carry a signed-in person from the portal origin to the apps
/// origin (which cannot read the portal's cookie, by design). Encrypted and signed with the shared
/// data-protection keys, so any replica redeems them; "single use" is per replica.
/// </summary>
internal sealed class AppsTickets(IDataProtectionProvider provider, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("SatuPintu.Identity.AppsTicket.v1").ToTimeLimitedDataProtector();

    private readonly MemoryCache _redeemed = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public string Issue(Guid userId, string securityStamp, string returnPath)
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        return _protector.Protect(string.Join('\n', nonce, userId, securityStamp, returnPath), time.GetUtcNow().Add(Lifetime));
    }

    /// <summary>The ticket's content if it is genuine, unexpired and not redeemed before; null otherwise.</summary>
    public (Guid UserId, string SecurityStamp, string ReturnPath)? Redeem(string? ticket)
    {
        if (string.IsNullOrEmpty(ticket))
        {
            return null;
        }

        string content;
        try
        {
            content = _protector.Unprotect(ticket, out _);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = content.Split('\n', 4);
        if (parts.Length != 4 || !Guid.TryParse(parts[1], out var userId))
        {
            return null;
        }

        lock (_redeemed)
        {
            if (_redeemed.TryGetValue(parts[0], out _))
            {
                return null;
            }

            _redeemed.Set(parts[0], true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime * 2, Size = 1 });
        }

        return (userId, parts[2], parts[3]);
    }

    public void Dispose() => _redeemed.Dispose();
}
