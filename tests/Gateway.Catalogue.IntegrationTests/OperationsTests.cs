using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Catalogue.IntegrationTests;

/// <summary>What an operator relies on: liveness and readiness, the published API document, clean logs.</summary>
public sealed class OperationsTests
{
    [Fact]
    public async Task Readiness_follows_the_database_while_liveness_stays_up()
    {
        await using var app = await GatewayApp.StartAsync(DatabaseKind.Postgres);
        using var client = app.CreateClient();

        var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = (await ready.JsonAsync()).GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("database-catalogue", checks);
        Assert.Contains("catalogue", checks);

        await PostgresServer.DropDatabaseAsync(app.ConnectionString!);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz/ready")).StatusCode);
        // The background services read the database on their own timers; once one of them has met the missing
        // database (the status poller, every second), the gateway must still be alive: a background service whose
        // exception escapes stops the whole host.
        await Eventually.HoldsAsync(
            () => Task.FromResult(app.Logs.Lines.Any(l => l.Contains("StatusPoller", StringComparison.Ordinal))),
            "the status poller to meet the missing database", TimeSpan.FromSeconds(15));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz/ready")).StatusCode);
    }

    [Fact]
    public async Task Upstream_secrets_and_the_admin_key_never_reach_the_logs()
    {
        await using var backend = await LegacyBackend.StartAsync();
        await using var app = await GatewayApp.StartAsync(DatabaseKind.Sqlite, settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
        });
        const string secret = "very-secret-upstream-password-42";
        await app.CreateAgencyAsync("logs");
        var exposure = TestData.Exposure(new Uri(backend.Address, "echo/"));
        exposure["upstreamAuth"] = new JsonObject { ["kind"] = "basic", ["username"] = "gw", ["secret"] = secret };
        using var admin = app.CreateAdminClient();
        await (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service("log-check", "logs", exposure))).EnsureSuccessAsync();
        using var client = app.CreateAppsClient();
        await (await client.GetAsync("/logs/log-check/x")).EnsureSuccessAsync();

        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"gw:{secret}"));
        Assert.NotEmpty(app.Logs.Lines);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal) || l.Contains(basic, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(GatewayApp.AdminKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_served_OpenAPI_document_matches_openapi_gateway_json()
    {
        await using var app = await GatewayApp.StartAsync(DatabaseKind.Sqlite);
        using var client = app.CreateAdministrationClient();
        var served = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var canonical = served.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        var file = Path.Combine(RepositoryRoot.Path, "openapi", "gateway.json");

        if (Environment.GetEnvironmentVariable("SATUPINTU_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(file, canonical);
        }

        Assert.True(File.Exists(file), "openapi/gateway.json is missing: run SATUPINTU_UPDATE_OPENAPI=1 dotnet test --filter OpenAPI");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        Assert.True(JsonNode.DeepEquals(served, committed),
            "openapi/gateway.json differs from the served document: review the API change, then run SATUPINTU_UPDATE_OPENAPI=1 dotnet test --filter OpenAPI");
    }

    [Fact]
    public async Task Every_operation_has_a_unique_id_a_summary_a_described_tag_and_says_who_may_call_it()
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "openapi", "gateway.json")))!;
        var described = document["tags"]!.AsArray().Where(t => !string.IsNullOrWhiteSpace((string?)t!["description"])).Select(t => (string)t!["name"]!).ToHashSet();
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Name: $"{op.Key.ToUpperInvariant()} {path.Key}", Operation: op.Value!)))
            .ToList();

        Assert.True(operations.Count > 50);
        Assert.All(operations, o =>
        {
            Assert.False(string.IsNullOrEmpty((string?)o.Operation["operationId"]), $"{o.Name} has no operationId");
            Assert.False(string.IsNullOrEmpty((string?)o.Operation["summary"]), $"{o.Name} has no summary");
            Assert.All(o.Operation["tags"]!.AsArray(), t => Assert.Contains((string)t!, described));
            Assert.NotNull(o.Operation["security"]); // [] when no sign-in is needed
        });
        Assert.Equal(operations.Count, operations.Select(o => (string)o.Operation["operationId"]!).Distinct().Count());
        var adminOnly = operations.Single(o => o.Name == "GET /api/admin/health/agencies/{code}").Operation["security"]!.AsArray();
        Assert.Equal(["AdminKey", "Bearer"], adminOnly.Select(r => r!.AsObject().Single().Key));
        Assert.Empty(operations.Single(o => o.Name == "GET /api/catalogue/services").Operation["security"]!.AsArray());
        Assert.Equal("Bearer", operations.Single(o => o.Name == "GET /api/agency/health").Operation["security"]![0]!.AsObject().Single().Key);
    }
}
