using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Catalogue.Model;
using Gateway.Catalogue.Persistence;
using Gateway.Platform.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Catalogue.IntegrationTests;

/// <summary>Service status from active and passive health checks: shown live, stored with its "since".</summary>
public abstract class HealthTests(DatabaseKind database)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static async Task<string> ExposeAsync(GatewayApp app, params Uri[] destinations)
    {
        var agency = "h" + Guid.NewGuid().ToString("N")[..8];
        await app.CreateAgencyAsync(agency);
        var exposure = TestData.Exposure(destinations[0]);
        exposure["destinations"] = new System.Text.Json.Nodes.JsonArray([.. destinations.Select(d => (System.Text.Json.Nodes.JsonNode)d.ToString())]);
        using var admin = app.CreateAdminClient();
        var slug = "svc-" + agency;
        await (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service(slug, agency, exposure))).EnsureSuccessAsync();
        return slug;
    }

    private static async Task<JsonElement?> StatusAsync(GatewayApp app, string slug)
    {
        using var client = app.CreateClient();
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/catalogue/services/{slug}");
        return detail.TryGetProperty("status", out var status) ? status : null;
    }

    private static Task WaitForStateAsync(GatewayApp app, string slug, string state) =>
        HttpAssertions.EventuallyAsync(
            async () => (await StatusAsync(app, slug))?.GetProperty("state").GetString() == state,
            Patience, $"{slug} becomes {state}");

    private static async Task<ServiceHealthRecord?> StoredAsync(GatewayApp app, string slug)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        return await db.Services.Where(s => s.Slug == slug).Select(s => s.Health).SingleAsync();
    }

    [Fact]
    public async Task Status_follows_the_app_down_and_back_and_is_stored()
    {
        await using var backend = await LegacyBackend.StartAsync();
        await using var app = await GatewayApp.StartAsync(database);
        var slug = await ExposeAsync(app, backend.Address);

        await WaitForStateAsync(app, slug, "up");
        backend.Healthy = false;
        await WaitForStateAsync(app, slug, "down");
        await HttpAssertions.EventuallyAsync(async () => (await StoredAsync(app, slug))?.State == HealthState.Down, Patience, "down is stored");
        var downSince = (await StatusAsync(app, slug))!.Value.GetProperty("since").GetDateTimeOffset();

        backend.Healthy = true;
        await WaitForStateAsync(app, slug, "up");

        await HttpAssertions.EventuallyAsync(async () => (await StoredAsync(app, slug))?.State == HealthState.Up, Patience, "up is stored");
        var record = await StoredAsync(app, slug);
        Assert.True(record!.Since > downSince);
        using var admin = app.CreateAdminClient();
        var health = await admin.GetFromJsonAsync<JsonElement>("/api/admin/health");
        Assert.Contains(health.EnumerateArray(), h => h.GetProperty("service").GetString() == slug);
    }

    [Fact]
    public async Task One_failing_destination_of_two_makes_the_service_degraded_and_traffic_still_flows()
    {
        await using var backend = await LegacyBackend.StartAsync();
        await using var app = await GatewayApp.StartAsync(database);
        var slug = await ExposeAsync(app, new Uri(backend.Address, "echo/"), new Uri("http://127.0.0.1:9/"));

        await WaitForStateAsync(app, slug, "degraded");
        using var admin = app.CreateAdminClient();
        await HttpAssertions.EventuallyAsync(async () =>
        {
            var health = await admin.GetFromJsonAsync<JsonElement>("/api/admin/health");
            return health.EnumerateArray().Any(h => h.GetProperty("service").GetString() == slug
                && h.GetProperty("detail").GetString() == "1 of 2 destinations failing");
        }, Patience, "the dead destination leaves rotation");

        using var client = app.CreateAppsClient();
        var agency = slug["svc-".Length..];
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync($"/{agency}/{slug}/x")).StatusCode);
        }
    }

    [Fact]
    public async Task Services_on_one_agency_app_share_its_health_probe_and_its_status()
    {
        await using var backend = await LegacyBackend.StartAsync();
        await using var app = await GatewayApp.StartAsync(database);
        var slugs = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            slugs.Add(await ExposeAsync(app, backend.Address));
        }

        foreach (var slug in slugs)
        {
            await WaitForStateAsync(app, slug, "up");
        }

        var before = backend.HealthProbes;
        await Task.Delay(TimeSpan.FromSeconds(4));
        var probes = backend.HealthProbes - before;

        // One probe a second (the test interval) for the one URL the six services share, not six.
        Assert.InRange(probes, 2, 7);

        // They share one cluster too: the app going down is every one of its services going down.
        backend.Healthy = false;
        foreach (var slug in slugs)
        {
            await WaitForStateAsync(app, slug, "down");
        }
    }

    [Fact]
    public async Task The_admin_API_gives_7_and_30_day_availability_and_incidents_per_service_and_agency()
    {
        await using var backend = await LegacyBackend.StartAsync();
        await using var app = await GatewayApp.StartAsync(database);
        var agency = "h" + Guid.NewGuid().ToString("N")[..8];
        await app.CreateAgencyAsync(agency);
        using var admin = app.CreateAdminClient();
        var steady = "svc-a-" + agency;
        var failing = "svc-b-" + agency;
        await (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service(steady, agency, TestData.Exposure(backend.Address)))).EnsureSuccessAsync();
        await (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service(failing, agency, TestData.Exposure(new Uri("http://127.0.0.1:9/"))))).EnsureSuccessAsync();

        // Once both have settled live (up; down) and that is stored, their history is replaced with a known one
        // ending in those same states, so no further change comes: the steady one was up for 40 days but down
        // for one day 10 days ago; the failing one was first seen 5 days ago and has been down for the last day.
        await WaitForStateAsync(app, steady, "up");
        await WaitForStateAsync(app, failing, "down");
        await HttpAssertions.EventuallyAsync(async () => (await StoredAsync(app, steady))?.State == HealthState.Up
            && (await StoredAsync(app, failing))?.State == HealthState.Down, Patience, "both states are stored");
        var now = DateTime.UtcNow;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
            var ids = await db.Services.Where(s => s.Slug == steady || s.Slug == failing).ToDictionaryAsync(s => s.Slug, s => s.Id);
            await db.ServiceHealthChanges.Where(c => ids.Values.Contains(c.ServiceId)).ExecuteDeleteAsync();
            db.ServiceHealthChanges.AddRange(
                new ServiceHealthChange { ServiceId = ids[steady], State = HealthState.Up, At = now.AddDays(-40) },
                new ServiceHealthChange { ServiceId = ids[steady], State = HealthState.Down, At = now.AddDays(-10) },
                new ServiceHealthChange { ServiceId = ids[steady], State = HealthState.Up, At = now.AddDays(-9) },
                new ServiceHealthChange { ServiceId = ids[failing], State = HealthState.Up, At = now.AddDays(-5) },
                new ServiceHealthChange { ServiceId = ids[failing], State = HealthState.Down, At = now.AddDays(-1) });
            await db.SaveChangesAsync();
        }

        var service = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/health/services/{steady}");
        Assert.Equal(1.0, service.GetProperty("availability").GetProperty("last7Days").GetDouble(), 3);
        Assert.Equal(1 - (1.0 / 30), service.GetProperty("availability").GetProperty("last30Days").GetDouble(), 3);
        var incident = Assert.Single(service.GetProperty("incidents").EnumerateArray());
        Assert.Equal(86_400, incident.GetProperty("durationSeconds").GetInt64());
        Assert.Equal(now.AddDays(-9), incident.GetProperty("end").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>($"/api/admin/health/services/{steady}?days=7")).GetProperty("incidents").EnumerateArray());

        var agencyHealth = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/health/agencies/{agency}");
        // 7 days: 7 of the steady one, 5 of the failing one with 1 down; 30 days: 30 + 5 with 2 down.
        Assert.Equal(1 - (1.0 / 12), agencyHealth.GetProperty("availability").GetProperty("last7Days").GetDouble(), 3);
        Assert.Equal(1 - (2.0 / 35), agencyHealth.GetProperty("availability").GetProperty("last30Days").GetDouble(), 3);
        Assert.Equal(2, agencyHealth.GetProperty("incidents").GetInt32());
        var failingRow = agencyHealth.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("service").GetString() == failing);
        Assert.Equal(0.8, failingRow.GetProperty("availability").GetProperty("last7Days").GetDouble(), 3);
        Assert.InRange(failingRow.GetProperty("downSeconds").GetInt64(), 86_400, 86_400 + 60); // still down: up to now

        // The agency's officer reads the same figures for their own agency only, with no agency to choose.
        var (_, officer) = await app.SignedInAsync("officer", agency);
        var own = await (await officer.GetAsync("/api/agency/health?days=7")).JsonAsync();
        Assert.Equal(agency, own.GetProperty("agency").GetString());
        Assert.Equal(1 - (1.0 / 12), own.GetProperty("availability").GetProperty("last7Days").GetDouble(), 3);
        Assert.Equal(1, own.GetProperty("incidents").GetInt32()); // the steady one's was 10 days ago
        var (_, citizen) = await app.SignedInAsync("citizen");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await citizen.GetAsync("/api/agency/health")).StatusCode); // not on the portal origin

        var badDays = await admin.GetAsync($"/api/admin/health/agencies/{agency}?days=0");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, badDays.StatusCode);
        Assert.True((await badDays.JsonAsync()).GetProperty("errors").TryGetProperty("days", out _));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await admin.GetAsync("/api/admin/health/services/no-such-service")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await admin.GetAsync("/api/admin/health/agencies/no-such-agency")).StatusCode);
    }

    [Fact]
    public async Task Since_survives_a_restart()
    {
        await using var backend = await LegacyBackend.StartAsync();
        var first = await GatewayApp.StartAsync(database);
        first.KeepData = true;
        var slug = await ExposeAsync(first, backend.Address);
        await WaitForStateAsync(first, slug, "up");
        await HttpAssertions.EventuallyAsync(async () => (await StoredAsync(first, slug))?.State == HealthState.Up, Patience, "up is stored");
        var since = (await StatusAsync(first, slug))!.Value.GetProperty("since").GetDateTimeOffset();
        await first.DisposeAsync();

        await using var second = first.StartAnotherOnSameData();
        await Task.Delay(1500); // a few probes on the new instance
        var status = (await StatusAsync(second, slug))!.Value;

        Assert.Equal("up", status.GetProperty("state").GetString());
        Assert.Equal(since, status.GetProperty("since").GetDateTimeOffset());
    }
}

public sealed class SqliteHealthTests() : HealthTests(DatabaseKind.Sqlite);

public sealed class PostgresHealthTests() : HealthTests(DatabaseKind.Postgres);
