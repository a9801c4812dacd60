using System.Security.Cryptography;
using Gateway.Adapters.Sdk.Protocol;
using Gateway.Platform.Security;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Gateway.Identity.Server;

/// <summary>
/// Signs the gateway's calls to adapter services with the key of its ID tokens. One token per call (its
/// <c>jti</c> is the nonce the adapter's answer is proven over), valid for a minute: calls that file a
/// request are few, so the signature's cost does not matter here as it does on the proxy path.
/// </summary>
internal sealed class AdapterCallSigner(
    IOptionsMonitor<OpenIddictServerOptions> server,
    IOptions<SignOnOptions> options,
    TimeProvider time) : IAdapterCallSigner
{
    /// <summary>The issuer when none is configured (a developer machine has no one public address).</summary>
    public const string DefaultIssuer = "urn:satupintu:gateway";

    private static readonly JsonWebTokenHandler Handler = new();

    public AdapterCallToken Sign(string agencyCode)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = string.IsNullOrEmpty(options.Value.Issuer) ? DefaultIssuer : options.Value.Issuer,
            Audience = AdapterProtocol.Audience(agencyCode),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(1),
            Claims = new Dictionary<string, object> { ["jti"] = nonce, ["sub"] = "satupintu-gateway" },
            TokenType = AdapterProtocol.CallTokenType,
            SigningCredentials = server.CurrentValue.SigningCredentials[0],
        });
        return new AdapterCallToken(token, nonce);
    }
}
