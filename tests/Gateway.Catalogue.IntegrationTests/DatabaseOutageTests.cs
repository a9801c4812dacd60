using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Gateway.Catalogue.IntegrationTests;

/// <summary>
/// PostgreSQL stopped under a running gateway (a server of the test's own, really stopped): the proxy
/// keeps serving from the catalogue it holds in memory, the replica stays in rotation, writes answer a
/// 503 problem and leave nothing behind, and everything works again once the database is back.
/// </summary>
public sealed class DatabaseOutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task With_PostgreSQL_stopped_for_20_s_public_routes_are_served_without_an_error_and_writes_get_a_503_problem()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var backend = await LegacyBackend.StartAsync();
        await using var app = GatewayApp.StartOnPostgres(await postgres.CreateDatabaseAsync());
        await app.CreateAgencyAsync("outage");
        using var admin = app.CreateAdminClient();
        await (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service("outage-echo", "outage", TestData.Exposure(backend.Address))))
            .EnsureSuccessAsync();
        using var apps = app.CreateAppsClient();
        using var portal = app.CreateClient();
        await (await apps.GetAsync("/outage/outage-echo/echo/warm")).EnsureSuccessAsync();

        using var stop = new CancellationTokenSource();
        var failures = new ConcurrentQueue<string>();
        var served = 0;
        var load = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await apps.GetAsync("/outage/outage-echo/echo/x");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref served);
                }
                else
                {
                    failures.Enqueue($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        })));

        await postgres.StopAsync();
        var down = Stopwatch.StartNew();

        var ready = await portal.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var database = (await ready.JsonAsync()).GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "database-catalogue");
        Assert.Equal("Degraded", database.GetProperty("status").GetString());

        var refused = await admin.PostAsJsonAsync("/api/admin/agencies", TestData.Agency("while-down"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("urn:satupintu:problem:service-unavailable", (await refused.JsonAsync()).GetProperty("type").GetString());
        Assert.NotNull(refused.Headers.RetryAfter);

        // The outage itself lasts 20 s, whatever the checks above took; the public route is under load throughout.
        if (Outage - down.Elapsed is { Ticks: > 0 } rest)
        {
            await Task.Delay(rest);
        }

        var servedWhileDown = Volatile.Read(ref served);
        await postgres.StartServerAsync();
        await HttpAssertions.EventuallyAsync(
            async () => (await admin.PostAsJsonAsync("/api/admin/agencies", TestData.Agency("after-" + Guid.NewGuid().ToString("N")[..6]))).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30), "writes succeed once PostgreSQL is back");
        stop.Cancel();
        await load;

        Assert.Empty(failures);
        Assert.True(servedWhileDown > 100, $"only {servedWhileDown} requests served while the database was down");
        // The agency refused during the outage was not half-written.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/admin/agencies/while-down")).StatusCode);
        var readyAgain = await portal.GetFromJsonAsync<JsonElement>("/healthz/ready");
        Assert.Equal("Healthy", readyAgain.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "database-catalogue").GetProperty("status").GetString());
    }
}
