using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.Edge.IntegrationTests;

/// <summary>
/// Outside Development the gateway starts only when it is set up for the open internet, and says which
/// key is wrong otherwise: no plain HTTP, real host names, a configured https issuer, encrypted
/// data-protection keys, no verification codes in a file, no demo city.
/// </summary>
public sealed class ProductionSettingsTests : IDisposable
{
    private readonly string _certificate = Path.Combine(Path.GetTempPath(), $"satupintu-dp-{Guid.NewGuid():N}.pfx");

    public ProductionSettingsTests()
    {
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=SatuPintu data protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(_certificate, certificate.Export(X509ContentType.Pfx, "test-only"));
    }

    /// <summary>What a city's deployment sets (the database stays SQLite here).</summary>
    private Dictionary<string, string?> Production() => new()
    {
        ["Edge:AllowHttp"] = "false",
        ["Edge:Hosts:Portal"] = "layanan.kota.example",
        ["Edge:Hosts:Admin"] = "admin.layanan.kota.example",
        ["Edge:Hosts:Apps"] = "apps.layanan.kota.example",
        ["Identity:Issuer"] = "https://layanan.kota.example/",
        ["Identity:Verification:Sender"] = "Smtp",
        ["Identity:Verification:Smtp:Host"] = "smtp.kota.example",
        ["DataProtection:CertificatePath"] = _certificate,
        ["DataProtection:CertificatePassword"] = "test-only",
        ["Demo:Enabled"] = "false",
    };

    [Fact]
    public async Task A_deployment_set_up_for_the_internet_starts_and_answers_on_its_host_names_only()
    {
        await using var app = GatewayApp.StartIn("Production", Production());
        using var portal = LocalOrigins.Client(new Uri($"http://127.0.0.1:{app.Port}"));
        using var request = OnHost("layanan.kota.example", app.Port, "/api/catalogue/agencies");

        Assert.Equal(HttpStatusCode.OK, (await portal.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync("/api/catalogue/agencies")).StatusCode);
    }

    [Fact]
    public async Task Swagger_is_for_signed_in_staff_only_in_production()
    {
        await using var app = GatewayApp.StartIn("Production", Production());
        using var admin = LocalOrigins.Client(new Uri($"http://127.0.0.1:{app.Port}"));
        using var request = OnHost("admin.layanan.kota.example", app.Port, "/swagger/v1/swagger.json");
        using var noRedirects = new HttpClient(LocalOrigins.Handler(followRedirects: false)) { BaseAddress = admin.BaseAddress };

        var anonymous = await noRedirects.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/masuk?ReturnUrl=", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    // The deployment's names resolve nowhere here: the request goes to loopback and names its host itself.
    private static HttpRequestMessage OnHost(string host, int port, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = $"{host}:{port}";
        return request;
    }

    [Theory]
    [InlineData("Edge:AllowHttp", "true", "Edge:AllowHttp")]
    [InlineData("Edge:Hosts:Apps", "apps.localhost", "Edge:Hosts")]
    [InlineData("Identity:Issuer", "", "Identity:Issuer")]
    [InlineData("Identity:Issuer", "http://layanan.kota.example/", "Identity:Issuer")]
    [InlineData("Identity:Verification:Sender", "File", "Identity:Verification:Sender=File")]
    [InlineData("DataProtection:CertificatePath", "", "DataProtection:CertificatePath")]
    [InlineData("Demo:Enabled", "true", "Demo:Enabled")]
    [InlineData("RateLimits:Enabled", "false", "RateLimits:Enabled")]
    public void A_developer_setting_in_production_stops_the_start_naming_the_key(string key, string value, string named)
    {
        var settings = Production();
        settings[key] = value;

        var refused = Assert.ThrowsAny<Exception>(() => GatewayApp.StartIn("Production", settings).Dispose());

        Assert.Contains(named, Flatten(refused), StringComparison.Ordinal);
    }

    private static string Flatten(Exception e) => e is AggregateException all
        ? string.Join(" | ", all.InnerExceptions.Select(Flatten))
        : e.Message + (e.InnerException is { } inner ? " | " + Flatten(inner) : string.Empty);

    public void Dispose() => File.Delete(_certificate);
}
