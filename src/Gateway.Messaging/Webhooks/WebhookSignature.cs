using System.Security.Cryptography;
using System.Text;

namespace Gateway.Messaging.Webhooks;

/// <summary>
/// <c>X-SatuPintu-Signature: t={unix seconds},v1={hex HMAC-SHA256 of "{t}.{body}"}</c>. The receiver
/// recomputes it with its secret and rejects old timestamps, so a captured request cannot be replayed
/// later (docs/events.md has a PHP example).
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-SatuPintu-Signature";

    public static string Create(string secret, long unixSeconds, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unixSeconds}.{body}"));
        return $"t={unixSeconds},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>What a receiver does; used by the tests to check what we send.</summary>
    public static bool Verify(string secret, string header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !long.TryParse(t, out var seconds) || !parts.ContainsKey("v1"))
        {
            return false;
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Create(secret, seconds, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(header));
    }
}
