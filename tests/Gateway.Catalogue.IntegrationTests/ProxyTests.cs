using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Gateway.Catalogue.IntegrationTests;

/// <summary>What the proxy does to requests on their way to an agency app, and how it answers when that app fails.</summary>
public sealed class ProxyTests(SqliteGateway fixture) : IClassFixture<SqliteGateway>
{
    private GatewayApp App => fixture.App;
    private LegacyBackend Backend => fixture.Backend;

    /// <summary>Registers a service in a fresh agency, exposed at <c>/{agency}/{slug}</c>, and returns that prefix.</summary>
    private async Task<string> ExposeAsync(string upstreamPath, Action<JsonObject>? adjust = null, Uri? destination = null)
    {
        var agency = "d" + Guid.NewGuid().ToString("N")[..8];
        await App.CreateAgencyAsync(agency);
        var exposure = TestData.Exposure(destination ?? new Uri(Backend.Address, upstreamPath));
        adjust?.Invoke(exposure);
        using var admin = App.CreateAdminClient();
        await (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service("svc-" + agency, agency, exposure))).EnsureSuccessAsync();
        return $"/{agency}/svc-{agency}";
    }

    [Fact]
    public async Task Client_cookies_authorization_and_admin_key_do_not_reach_the_agency_app()
    {
        var prefix = await ExposeAsync("echo/");
        using var client = App.CreateAppsClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, prefix + "/data");
        request.Headers.Add("Cookie", "portal_session=abc");
        request.Headers.Add("Authorization", "Bearer citizen-token");
        request.Headers.Add("X-Admin-Key", GatewayApp.AdminKey);
        request.Headers.Add("X-Custom", "kept");

        var echo = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<EchoReply>();

        Assert.False(echo!.Headers.ContainsKey("Cookie"));
        Assert.False(echo.Headers.ContainsKey("Authorization"));
        Assert.False(echo.Headers.ContainsKey("X-Admin-Key"));
        Assert.Equal("kept", echo.Headers["X-Custom"]);
    }

    [Fact]
    public async Task Cookies_and_authorization_pass_when_the_exposure_says_so()
    {
        var prefix = await ExposeAsync("echo/", e =>
        {
            e["forwardClientCookies"] = true;
            e["forwardClientAuthorization"] = true;
        });
        using var client = App.CreateAppsClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, prefix + "/data");
        request.Headers.Add("Cookie", "legacy_session=abc");
        request.Headers.Add("Authorization", "Bearer legacy-token");

        var echo = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<EchoReply>();

        Assert.Equal("legacy_session=abc", echo!.Headers["Cookie"]);
        Assert.Equal("Bearer legacy-token", echo.Headers["Authorization"]);
    }

    [Fact]
    public async Task The_agency_app_learns_the_client_address_host_and_published_prefix()
    {
        var prefix = await ExposeAsync("echo/");
        using var client = App.CreateAppsClient();

        var echo = await client.GetFromJsonAsync<EchoReply>(prefix + "/a/b");

        Assert.Equal("/echo/a/b", echo!.Path);
        Assert.Equal("127.0.0.1", echo.Headers["X-Forwarded-For"]);
        Assert.Equal("http", echo.Headers["X-Forwarded-Proto"]);
        Assert.Equal(client.BaseAddress!.Authority, echo.Headers["X-Forwarded-Host"]);
        Assert.Equal(prefix, echo.Headers["X-Forwarded-Prefix"]);
    }

    [Fact]
    public async Task Posts_and_their_bodies_are_forwarded()
    {
        var prefix = await ExposeAsync("echo/");
        using var client = App.CreateAppsClient();

        var response = await client.PostAsJsonAsync(prefix + "/permohonan", new { nik = "3273010101900001" });
        var echo = await response.Content.ReadFromJsonAsync<EchoReply>();

        Assert.Equal("POST", echo!.Method);
        Assert.Contains("3273010101900001", echo.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_method_the_exposure_does_not_allow_is_a_405_problem()
    {
        var prefix = await ExposeAsync("echo/", e => e["methods"] = new JsonArray("GET"));
        using var client = App.CreateAppsClient();

        var response = await client.DeleteAsync(prefix + "/x");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("urn:satupintu:problem:method-not-allowed", (await response.JsonAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_app_slower_than_the_service_timeout_gives_a_504_problem_with_a_trace_id()
    {
        // No health probe: "/slow/health" is not a route of the sample app (404), so probes would mark it down and
        // the gateway would refuse at once (503) instead of trying — a race this test lost now and then in CI.
        var prefix = await ExposeAsync("slow/", e =>
        {
            e["timeoutSeconds"] = 1;
            e["healthCheckPath"] = null;
        });
        using var client = App.CreateAppsClient();

        var response = await client.GetAsync(prefix + "/3000");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("urn:satupintu:problem:upstream-timeout", problem.GetProperty("type").GetString());
        Assert.Matches("^[0-9a-f]{32}$", problem.GetProperty("traceId").GetString()!);
    }

    [Fact]
    public async Task An_unreachable_app_gives_a_502_problem_without_internals()
    {
        // Passive checks only: with a health probe the dead app may be known down before this request (a 503).
        var prefix = await ExposeAsync("", e => e.Remove("healthCheckPath"), destination: new Uri("http://127.0.0.1:9/"));
        using var client = App.CreateAppsClient();

        var response = await client.GetAsync(prefix + "/x");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("urn:satupintu:problem:upstream-unavailable", body, StringComparison.Ordinal);
        Assert.Contains("traceId", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1:9", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_apps_own_error_responses_pass_through_untouched()
    {
        var prefix = await ExposeAsync("status/");
        using var client = App.CreateAppsClient();

        var response = await client.GetAsync(prefix + "/404");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("status 404", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("citizen")]
    [InlineData("agencyOfficer")]
    public async Task A_non_public_service_refuses_anonymous_callers_with_a_bearer_challenge(string access)
    {
        var before = Backend.Requests;
        var prefix = await ExposeAsync("echo/", e => e["access"] = new JsonObject { ["kind"] = access });
        using var client = App.CreateAppsClient();

        var response = await client.GetAsync(prefix + "/private");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("urn:satupintu:problem:unauthorized", (await response.JsonAsync()).GetProperty("type").GetString());
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        // Nothing reached the app (health probes aside, which do not use /echo).
        Assert.True(Backend.Requests - before < 5);
    }

    [Fact]
    public async Task A_request_in_flight_finishes_while_the_catalogue_changes()
    {
        var prefix = await ExposeAsync("slow/", e => e["healthCheckPath"] = null); // see the 504 test
        using var client = App.CreateAppsClient();
        using var admin = App.CreateAdminClient();

        var inFlight = client.GetAsync(prefix + "/1500");
        await Task.Delay(300);
        // Change this very route (new timeout) and add others while the request is under way.
        var slug = prefix.Split('/')[2];
        var exposure = TestData.Exposure(new Uri(Backend.Address, "slow/"));
        exposure["timeoutSeconds"] = 9;
        exposure["healthCheckPath"] = null;
        await (await admin.PutAsJsonAsync($"/api/admin/services/{slug}/exposure", exposure)).EnsureSuccessAsync();
        await ExposeAsync("echo/");

        var response = await inFlight;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("slept 1500 ms", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem_in_the_callers_language()
    {
        using var client = App.CreateAppsClient();

        var indonesian = await (await client.GetAsync("/tidak/ada")).JsonAsync();
        var english = await (await client.GetAsync("/tidak/ada?lang=en")).JsonAsync();

        Assert.Equal("urn:satupintu:problem:not-found", indonesian.GetProperty("type").GetString());
        Assert.Equal("Data tidak ditemukan.", indonesian.GetProperty("title").GetString());
        Assert.Equal("Not found.", english.GetProperty("title").GetString());
    }
}
