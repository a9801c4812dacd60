using System.Security.Cryptography;
using System.Text;

namespace Gateway.Adapters.Sdk.Protocol;

/// <summary>
/// How the gateway knows which adapter answered. The adapter's key is registered in the catalogue and
/// never travels: the adapter answers each call with HMAC-SHA256(key, call nonce + body), which only the
/// holder of the key can compute, and which fits only that call (an old answer replayed does not verify).
/// </summary>
public static class AdapterProof
{
    public static string Compute(string key, string nonce, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(key));
        hmac.AppendData(Encoding.UTF8.GetBytes(nonce));
        hmac.AppendData("\n"u8);
        hmac.AppendData(body);
        return Convert.ToBase64String(hmac.GetHashAndReset());
    }

    /// <summary>True when <paramref name="proof"/> is the key holder's answer to this call; compared in constant time.</summary>
    public static bool Verify(string key, string nonce, ReadOnlySpan<byte> body, string? proof)
    {
        if (proof is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(key, nonce, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(proof));
    }
}
