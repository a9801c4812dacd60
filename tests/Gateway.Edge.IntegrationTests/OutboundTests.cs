using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.Catalogue.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Edge.IntegrationTests;

/// <summary>A gateway with the production outbound policy (loopback, link-local, metadata and itself refused).</summary>
public sealed class GuardedGateway : IAsyncLifetime
{
    public GatewayApp App { get; private set; } = null!;
    public LegacyBackend Backend { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Backend = await LegacyBackend.StartAsync();
        App = await GatewayApp.StartAsync(DatabaseKind.Sqlite, settings: new Dictionary<string, string?>
        {
            ["Edge:Outbound:DenyLocalAddresses"] = "true",
            ["Catalogue:RefreshSeconds"] = "1",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Backend.DisposeAsync();
    }
}

/// <summary>
/// The outbound (SSRF) guard: an administrator cannot point the gateway at loopback, the metadata service,
/// a name that resolves to loopback or the gateway itself — refused when registered, naming the field, and
/// again when connecting, whatever the database says.
/// </summary>
public sealed class OutboundTests(GuardedGateway fixture) : IClassFixture<GuardedGateway>
{
    private GatewayApp App => fixture.App;

    [Theory]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]:8080/")]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://apps.localhost/")]
    [InlineData("http://0.0.0.0:8080/")]
    public async Task A_destination_on_loopback_link_local_metadata_or_the_gateway_itself_is_refused_naming_the_field(string destination)
    {
        var agency = await NewAgencyAsync();
        using var admin = App.CreateAdminClient();

        var response = await admin.PostAsJsonAsync("/api/admin/services", TestData.Service("svc-" + agency, agency, TestData.Exposure(new Uri(destination))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        var message = problem.GetProperty("errors").GetProperty("exposure.destinations[0]")[0].GetString();
        Assert.Contains("tidak diizinkan menghubungi", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/admin/services/svc-{agency}")).StatusCode);
    }

    [Fact]
    public async Task An_agency_network_address_is_accepted()
    {
        var agency = await NewAgencyAsync();
        using var admin = App.CreateAdminClient();

        var response = await admin.PostAsJsonAsync("/api/admin/services", TestData.Service("svc-" + agency, agency, TestData.Exposure(new Uri("http://10.20.30.40:8080/"))));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_loopback_destination_that_reached_the_database_anyway_is_refused_when_connecting()
    {
        // As if a name resolved elsewhere when it was registered (DNS rebinding), or the row was edited by hand.
        var agency = await NewAgencyAsync();
        using var admin = App.CreateAdminClient();
        await (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service("svc-" + agency, agency, TestData.Exposure(new Uri("http://10.20.30.40:8080/"))))).EnsureSuccessAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
            var service = await db.Services.Include(s => s.Exposure).SingleAsync(s => s.Slug == "svc-" + agency);
            service.Exposure!.Destinations = [new Uri(fixture.Backend.Address, "echo/").ToString()];
            service.UpdatedAt = DateTimeOffset.UtcNow;
            service.Version++;
            await db.SaveChangesAsync();
        }

        var before = fixture.Backend.Requests;
        using var apps = App.CreateAppsClient();
        HttpResponseMessage? response = null;
        await Eventually.HoldsAsync(async () =>
        {
            response = await apps.GetAsync($"/{agency}/svc-{agency}/x");
            var body = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.BadGateway && body.Contains("Edge:Outbound", StringComparison.Ordinal);
        }, "the proxy to refuse the loopback destination the catalogue now holds", TimeSpan.FromSeconds(15));

        Assert.Equal("application/problem+json", response!.Content.Headers.ContentType?.MediaType);
        Assert.True(fixture.Backend.Requests - before == 0, "nothing may reach the loopback app");
    }

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://169.254.169.254/hook")]
    [InlineData("https://localhost/hook")]
    public async Task A_webhook_to_loopback_or_metadata_is_refused_naming_the_field(string url)
    {
        var agency = await NewAgencyAsync();
        using var admin = App.CreateAdminClient();

        var response = await admin.PostAsJsonAsync("/api/admin/subscriptions", new JsonObject
        {
            ["agencyCode"] = agency,
            ["eventType"] = "ServiceHealthChanged",
            ["delivery"] = "webhook",
            ["webhookUrl"] = url,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("webhookUrl", out _));
    }

    [Fact]
    public async Task Moving_a_destination_to_another_host_needs_the_upstream_secret_again()
    {
        var agency = await NewAgencyAsync();
        using var admin = App.CreateAdminClient();
        var exposure = TestData.Exposure(new Uri("http://10.20.30.40:8080/"));
        exposure["upstreamAuth"] = new JsonObject { ["kind"] = "apiKey", ["secret"] = "kunci-rahasia-dinas" };
        await (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service("svc-" + agency, agency, exposure))).EnsureSuccessAsync();

        exposure["upstreamAuth"] = new JsonObject { ["kind"] = "apiKey" };
        var samePlace = await admin.PutAsJsonAsync($"/api/admin/services/svc-{agency}/exposure", exposure);
        exposure["destinations"] = new JsonArray("http://10.99.0.1:8080/");
        var elsewhere = await admin.PutAsJsonAsync($"/api/admin/services/svc-{agency}/exposure", exposure);
        exposure["upstreamAuth"] = new JsonObject { ["kind"] = "apiKey", ["secret"] = "kunci-rahasia-dinas" };
        var elsewhereWithSecret = await admin.PutAsJsonAsync($"/api/admin/services/svc-{agency}/exposure", exposure);

        Assert.Equal(HttpStatusCode.OK, samePlace.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Contains("host lain", (await elsewhere.JsonAsync()).GetProperty("errors").GetProperty("upstreamAuth.secret")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, elsewhereWithSecret.StatusCode);
    }

    private async Task<string> NewAgencyAsync()
    {
        var agency = "s" + Guid.NewGuid().ToString("N")[..8];
        await App.CreateAgencyAsync(agency);
        return agency;
    }
}
