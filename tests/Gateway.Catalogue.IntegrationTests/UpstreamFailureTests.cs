using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Catalogue.IntegrationTests;

/// <summary>
/// How the proxy behaves when an agency app fails: a dead app is refused at once instead of making every
/// caller wait out its timeout, and a slow one cannot take more than its share of the gateway.
/// </summary>
public sealed class UpstreamFailureTests(SqliteGateway fixture) : IClassFixture<SqliteGateway>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private GatewayApp App => fixture.App;

    /// <summary>A service in a fresh agency forwarding to <paramref name="backend"/>'s root; returns its slug and prefix.</summary>
    private async Task<(string Slug, string Prefix)> ExposeAsync(LegacyBackend backend, Action<JsonObject>? adjust = null)
    {
        var agency = "u" + Guid.NewGuid().ToString("N")[..8];
        await App.CreateAgencyAsync(agency);
        var exposure = TestData.Exposure(backend.Address);
        adjust?.Invoke(exposure);
        using var admin = App.CreateAdminClient();
        var slug = "svc-" + agency;
        await (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service(slug, agency, exposure))).EnsureSuccessAsync();
        return (slug, $"/{agency}/{slug}");
    }

    private Task WaitForStateAsync(string slug, string state) =>
        HttpAssertions.EventuallyAsync(async () =>
        {
            using var client = App.CreateClient();
            var detail = await client.GetFromJsonAsync<JsonElement>($"/api/catalogue/services/{slug}");
            return detail.TryGetProperty("status", out var status) && status.GetProperty("state").GetString() == state;
        }, Patience, $"{slug} becomes {state}");

    [Fact]
    public async Task A_service_whose_app_fails_its_health_checks_is_refused_at_once_with_a_503_naming_it_and_returns_when_a_probe_passes()
    {
        await using var backend = await LegacyBackend.StartAsync();
        var (slug, prefix) = await ExposeAsync(backend, e => e["timeoutSeconds"] = 10);
        await WaitForStateAsync(slug, "up");
        using var client = App.CreateAppsClient();

        // The app stops passing its health checks but would still take a request and hang on it.
        backend.Healthy = false;
        await WaitForStateAsync(slug, "down");
        var response = await client.GetAsync(prefix + "/slow/10000");

        // Before: every caller was still sent to the app and waited the whole 10 s timeout for a 504.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("urn:satupintu:problem:service-unavailable", problem.GetProperty("type").GetString());
        Assert.Equal(slug, problem.GetProperty("service").GetString());
        Assert.Contains(slug, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(0, backend.SlowInFlight);

        backend.Healthy = true;
        await HttpAssertions.EventuallyAsync(
            async () => (await client.GetAsync(prefix + "/slow/1")).StatusCode == HttpStatusCode.OK,
            Patience, "the service answers again once a probe passes");
    }

    [Fact]
    public async Task A_slow_app_gets_no_more_requests_in_flight_than_its_cap_and_callers_past_it_get_a_503_at_once()
    {
        await using var backend = await LegacyBackend.StartAsync();
        var (slug, prefix) = await ExposeAsync(backend, e => e["maxConcurrentRequests"] = 2);
        using var client = App.CreateAppsClient();

        var first = client.GetAsync(prefix + "/slow/3000");
        var second = client.GetAsync(prefix + "/slow/3000");
        await HttpAssertions.EventuallyAsync(() => Task.FromResult(backend.SlowInFlight == 2), Patience, "two slow requests reach the app");
        var third = await client.GetAsync(prefix + "/slow/3000");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.StatusCode);
        var problem = await third.JsonAsync();
        Assert.Equal("urn:satupintu:problem:service-unavailable", problem.GetProperty("type").GetString());
        Assert.Equal(slug, problem.GetProperty("service").GetString());
        Assert.Equal(TimeSpan.FromSeconds(1), third.Headers.RetryAfter?.Delta);

        // The two in flight were not disturbed, and their places are free again once they end.
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(prefix + "/slow/1")).StatusCode);
    }

    [Fact]
    public async Task The_cap_of_one_service_leaves_another_service_alone()
    {
        await using var slowApp = await LegacyBackend.StartAsync();
        await using var otherApp = await LegacyBackend.StartAsync();
        var (_, slowPrefix) = await ExposeAsync(slowApp, e => e["maxConcurrentRequests"] = 1);
        var (_, otherPrefix) = await ExposeAsync(otherApp, e => e["maxConcurrentRequests"] = 1);
        using var client = App.CreateAppsClient();

        var hanging = client.GetAsync(slowPrefix + "/slow/3000");
        await HttpAssertions.EventuallyAsync(() => Task.FromResult(slowApp.SlowInFlight == 1), Patience, "the slow request reaches its app");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(slowPrefix + "/slow/1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(otherPrefix + "/slow/1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hanging).StatusCode);
    }

    [Fact]
    public async Task A_cap_out_of_range_is_refused_naming_the_field()
    {
        var agency = "u" + Guid.NewGuid().ToString("N")[..8];
        await App.CreateAgencyAsync(agency);
        var exposure = TestData.Exposure(new Uri("http://127.0.0.1:9/"));
        exposure["maxConcurrentRequests"] = 0;
        using var admin = App.CreateAdminClient();

        var response = await admin.PostAsJsonAsync("/api/admin/services", TestData.Service("svc-" + agency, agency, exposure));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("exposure.maxConcurrentRequests", out _));
    }
}
