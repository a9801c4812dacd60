using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Identity.Clients;

namespace Gateway.Identity.IntegrationTests;

/// <summary>
/// Rotating the signing certificate as docs/identity.md describes: add the new one beside the old,
/// tokens signed by the old keep working until the old is removed; new tokens use the new one.
/// </summary>
public sealed class KeyRotationTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "satupintu-keys-" + Guid.NewGuid().ToString("N"));
    private readonly List<GatewayApp> _apps = [];

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_token_signed_with_the_old_certificate_verifies_after_rotation_until_the_old_one_is_removed()
    {
        var oldCert = CreatePfx("old", TimeSpan.FromDays(365));
        var newCert = CreatePfx("new", TimeSpan.FromDays(730));

        var before = await StartAsync(null, [oldCert]);
        await before.CreateAgencyAsync("bapenda");
        using (var admin = before.CreateAdminClient())
        {
            var exposure = TestData.Exposure(new Uri(before.CreateClient().BaseAddress!, "/api/catalogue/"), access: "agencyClient");
            // The catalogue API has no /health of its own: with a probe the service would be down, and refused.
            exposure.Remove("healthCheckPath");
            await (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service("pbb-online", "bapenda", exposure))).EnsureSuccessAsync();
        }

        var secret = await before.RegisterClientAsync(new ClientInput("bapenda-backend", "Bapenda", ClientKind.Confidential, ConsentMode.Implicit,
            [], [], ["agency:bapenda"], [ClientGrant.ClientCredentials]));
        var oldToken = await TokenAsync(before, secret!);

        // Rotation: the new certificate is added; the old stays published.
        var during = await StartAsync(before, [oldCert, newCert]);
        var newToken = await TokenAsync(during, secret!);
        Assert.NotEqual(Kid(oldToken), Kid(newToken));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(during, oldToken));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(during, newToken));
        using (var http = during.CreateClient())
        {
            var jwks = await http.GetStringAsync("/.well-known/jwks");
            Assert.Contains(Kid(oldToken), jwks, StringComparison.Ordinal);
            Assert.Contains(Kid(newToken), jwks, StringComparison.Ordinal);
        }

        // After the old tokens' lifetime the old certificate is removed: only then do its tokens stop.
        var after = await StartAsync(before, [newCert]);
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(after, oldToken));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(after, newToken));
    }

    private async Task<GatewayApp> StartAsync(GatewayApp? sameDataAs, string[] certificates)
    {
        // A deployment's issuer is one name for every instance (here they listen on different ports).
        var settings = new Dictionary<string, string?> { ["Identity:Issuer"] = "https://satupintu.test/" };
        for (var i = 0; i < certificates.Length; i++)
        {
            settings[$"Identity:Keys:SigningCertificates:{i}:Path"] = certificates[i];
            settings[$"Identity:Keys:SigningCertificates:{i}:Password"] = "test-only";
            settings[$"Identity:Keys:EncryptionCertificates:{i}:Path"] = certificates[i];
            settings[$"Identity:Keys:EncryptionCertificates:{i}:Password"] = "test-only";
        }

        var app = sameDataAs is null
            ? await GatewayApp.StartAsync(DatabaseKind.Sqlite, settings: settings)
            : sameDataAs.StartAnotherOnSameData(settings);
        app.KeepData = sameDataAs is not null; // the first instance removes the shared data, last
        _apps.Add(app);
        return app;
    }

    private static async Task<string> TokenAsync(GatewayApp app, string secret)
    {
        using var http = app.CreateClient();
        var (status, body) = await OidcFlow.TokenAsync(http, new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "bapenda-backend",
            ["client_secret"] = secret,
            ["scope"] = "agency:bapenda",
        });
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("access_token").GetString()!;
    }

    private static async Task<HttpStatusCode> CallAsync(GatewayApp app, string token)
    {
        using var http = app.CreateAppsClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // The route may need a moment to appear on a freshly started instance.
        HttpStatusCode status = HttpStatusCode.NotFound;
        for (var attempt = 0; attempt < 40 && status == HttpStatusCode.NotFound; attempt++)
        {
            status = (await http.GetAsync("/bapenda/pbb-online/services")).StatusCode;
            if (status == HttpStatusCode.NotFound)
            {
                await Task.Delay(100);
            }
        }

        return status;
    }

    private static string Kid(string jwt) =>
        System.Text.Json.JsonDocument.Parse(OidcFlow.Base64UrlDecode(jwt.Split('.')[0])).RootElement.GetProperty("kid").GetString()!;

    private string CreatePfx(string name, TimeSpan validity)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=SatuPintu test {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.Add(validity));
        var path = Path.Combine(_folder, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "test-only"));
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _apps.Count - 1; i >= 0; i--)
        {
            await _apps[i].DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
