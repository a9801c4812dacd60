using System.Security.Cryptography;
using Gateway.Adapters.Sdk.Protocol;
using Gateway.Contracts.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Adapters.TestKit.OutOfProcess;

/// <summary>
/// What an adapter service needs of a gateway, and no more: published signing keys (OpenID Connect
/// discovery + JWKS, as the gateway serves them) and call tokens signed with them. The kit calls an
/// out-of-process adapter as the gateway would, without starting a gateway.
/// </summary>
public sealed class KitGateway : IAsyncDisposable
{
    private static readonly JsonWebTokenHandler Handler = new();

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;

    private KitGateway(WebApplication app, RsaSecurityKey key, Uri address)
    {
        _app = app;
        _key = key;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<KitGateway> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };
        var parameters = key.Rsa.ExportParameters(false);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", (HttpContext http) => Results.Json(new Dictionary<string, string>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = $"{http.Request.Scheme}://{http.Request.Host}/.well-known/jwks",
        }));
        app.MapGet("/.well-known/jwks", () => Results.Json(new Dictionary<string, object>
        {
            ["keys"] = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = key.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new KitGateway(app, key, new Uri(address.TrimEnd('/') + "/"));
    }

    public const string Issuer = "urn:satupintu:kit-gateway";

    /// <summary>A call token as the gateway signs it (one per call), and its nonce.</summary>
    public (string Token, string Nonce) SignCall(string agencyCode)
    {
        var nonce = Guid.NewGuid().ToString("N");
        var now = DateTime.UtcNow;
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = AdapterProtocol.Audience(agencyCode),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(1),
            Claims = new Dictionary<string, object> { ["jti"] = nonce, ["sub"] = "satupintu-kit" },
            TokenType = AdapterProtocol.CallTokenType,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        return (token, nonce);
    }

    /// <summary>The forwarded identity the gateway's proxy adds for a signed-in person (<c>X-SatuPintu-Identity</c>).</summary>
    public string SignIdentity(string agencyCode, string subject)
    {
        var now = DateTime.UtcNow;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = agencyCode,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(1),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["role"] = "citizen" },
            TokenType = GatewayTokens.IdentityTokenType,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
