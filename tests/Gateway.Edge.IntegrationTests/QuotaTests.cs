using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Gateway.Edge.IntegrationTests;

/// <summary>Per-service quotas set in the catalogue: each client address and each signed-in caller gets so many requests a minute.</summary>
public sealed class QuotaTests(SqliteGateway fixture) : IClassFixture<SqliteGateway>
{
    private GatewayApp App => fixture.App;

    [Fact]
    public async Task A_public_service_s_quota_per_address_answers_429_at_its_threshold_and_lets_the_caller_in_the_next_minute()
    {
        var prefix = await ExposeAsync("public", new JsonObject { ["perAddressPerMinute"] = 3 });
        using var apps = App.CreateAppsClient();
        var before = fixture.Backend.Requests;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await apps.GetAsync(prefix + "/x")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var refused = await apps.GetAsync(prefix + "/x");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta?.TotalSeconds is >= 1 and <= 60);
        var problem = await refused.JsonAsync();
        Assert.Equal("urn:satupintu:problem:too-many-requests", problem.GetProperty("type").GetString());
        Assert.Equal(prefix.Split('/')[2], problem.GetProperty("service").GetString());
        Assert.True(fixture.Backend.Requests - before <= 3 + 2, "refused requests never reach the agency app (health probes aside)");
        await Eventually.HoldsAsync(async () => (await apps.GetAsync(prefix + "/x")).StatusCode == HttpStatusCode.OK,
            "the quota to open again in the next minute", TimeSpan.FromSeconds(75));
    }

    [Fact]
    public async Task A_citizen_service_s_quota_per_caller_counts_each_person_apart()
    {
        var prefix = await ExposeAsync("citizen", new JsonObject { ["perClientPerMinute"] = 2 });
        var first = await App.AccessTokenAsync((await App.CreateAccountAsync("citizen")).Email!);
        var second = await App.AccessTokenAsync((await App.CreateAccountAsync("citizen")).Email!);
        using var apps = App.CreateAppsClient();

        var firstStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            firstStatuses.Add(await GetAsync(apps, prefix, first));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], firstStatuses);
        Assert.Equal(HttpStatusCode.OK, await GetAsync(apps, prefix, second));
    }

    [Fact]
    public async Task A_quota_out_of_range_is_refused_naming_the_field()
    {
        var agency = "q" + Guid.NewGuid().ToString("N")[..8];
        await App.CreateAgencyAsync(agency);
        var exposure = TestData.Exposure(new Uri(fixture.Backend.Address, "echo/"));
        exposure["quota"] = new JsonObject { ["perAddressPerMinute"] = 0 };
        using var admin = App.CreateAdminClient();

        var response = await admin.PostAsJsonAsync("/api/admin/services", TestData.Service("svc-" + agency, agency, exposure));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("exposure.quota.perAddressPerMinute", out _));
    }

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string prefix, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, prefix + "/x");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.SendAsync(request)).StatusCode;
    }

    private async Task<string> ExposeAsync(string access, JsonObject quota)
    {
        var agency = "q" + Guid.NewGuid().ToString("N")[..8];
        await App.CreateAgencyAsync(agency);
        var exposure = TestData.Exposure(new Uri(fixture.Backend.Address, "echo/"), access: access);
        exposure["quota"] = quota;
        using var admin = App.CreateAdminClient();
        await (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service("svc-" + agency, agency, exposure))).EnsureSuccessAsync();
        return $"/{agency}/svc-{agency}";
    }
}
