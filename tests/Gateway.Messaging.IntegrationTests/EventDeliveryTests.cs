using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Contracts.Events.V1;
using Gateway.Messaging.Bus;

namespace Gateway.Messaging.IntegrationTests;

/// <summary>Events from the gateway's outbox through a real RabbitMQ to an agency app: none lost, none doubled.</summary>
public sealed class EventDeliveryTests(BrokerFixture broker, ITestOutputHelper output) : IClassFixture<BrokerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Every_contract_arrives_as_it_was_written(DatabaseKind database)
    {
        await using var listener = await AgencyListener.StartAsync(broker.VirtualHost);
        await using var app = await GatewayApp.StartAsync(database, settings: broker.GatewaySettings());
        await app.WaitForBusAsync();
        var sent = EventSamples.All();

        await app.WriteEventsAsync(sent, e => e.GetType().Name);

        await listener.WaitForAsync(d => sent.All(e => d.Any(r => r.EventId == e.EventId)), Patience, "every contract");
        foreach (var @event in sent)
        {
            var received = listener.Deliveries.Single(d => d.EventId == @event.EventId);
            Assert.Equal(@event.GetType().Name, received.Type);
            Assert.Equal(JsonSerializer.Serialize(@event, @event.GetType(), EventJson.Options), received.Json);
        }
    }

    [Fact]
    public async Task Events_of_one_aggregate_arrive_in_the_order_they_were_written()
    {
        await using var listener = await AgencyListener.StartAsync(broker.VirtualHost);
        await using var app = await GatewayApp.StartAsync(DatabaseKind.Sqlite, settings: broker.GatewaySettings());
        await app.WaitForBusAsync();
        // 60 status changes of one request, interleaved with 240 events of other requests, in 30 transactions.
        var ordered = Enumerable.Range(0, 60).Select(_ => (IIntegrationEvent)EventSamples.ServiceRequestStatusChanged()).ToList();
        var others = Enumerable.Range(0, 240).Select(_ => (IIntegrationEvent)EventSamples.ServiceRequestOverdue()).ToList();
        var mixed = ordered.Select((e, i) => new[] { e }.Concat(others.Skip(i * 4).Take(4))).SelectMany(x => x).ToList();

        foreach (var batch in mixed.Chunk(10))
        {
            await app.WriteEventsAsync(batch, e => e is ServiceRequestStatusChanged ? "request:the-one" : $"request:{e.EventId}");
        }

        await listener.WaitForAsync(d => d.Count >= 300, Patience, "300 events");
        var arrived = listener.Deliveries.Where(d => d.Type == nameof(ServiceRequestStatusChanged)).Select(d => d.EventId).ToList();
        Assert.Equal(ordered.Select(e => e.EventId), arrived);
    }

    [Fact]
    public async Task A_service_going_down_and_back_publishes_its_status_changes()
    {
        await using var listener = await AgencyListener.StartAsync(broker.VirtualHost);
        await using var backend = await LegacyBackend.StartAsync();
        await using var app = await GatewayApp.StartAsync(DatabaseKind.Sqlite, settings: broker.GatewaySettings());
        await app.WaitForBusAsync();
        await app.CreateAgencyAsync("dinas-sehat");
        using var admin = app.CreateAdminClient();
        await (await admin.PostAsJsonAsync("/api/admin/services",
            TestData.Service("layanan-sehat", "dinas-sehat", TestData.Exposure(backend.Address)))).EnsureSuccessAsync();
        static bool Has(IReadOnlyCollection<(Guid EventId, string Type, string Json)> d, string status) =>
            d.Any(r => r.Type == nameof(ServiceHealthChanged) && r.Json.Contains($"\"status\":\"{status}\"", StringComparison.Ordinal));

        await listener.WaitForAsync(d => Has(d, "up"), Patience, "the service up");
        backend.Healthy = false;
        await listener.WaitForAsync(d => Has(d, "down"), Patience, "the service down");
        backend.Healthy = true;
        await listener.WaitForAsync(
            d => d.Count(r => r.Type == nameof(ServiceHealthChanged)) >= 3
                && d.Last(r => r.Type == nameof(ServiceHealthChanged)).Json.Contains("\"status\":\"up\"", StringComparison.Ordinal),
            Patience, "the service up again");

        var changes = listener.Deliveries.Where(r => r.Type == nameof(ServiceHealthChanged))
            .Select(r => System.Text.Json.Nodes.JsonNode.Parse(r.Json)!).ToList();
        Assert.All(changes, c => Assert.Equal("layanan-sehat", (string?)c["serviceSlug"]));
        Assert.All(changes, c => Assert.Equal("dinas-sehat", (string?)c["agencyCode"]));
        var down = changes.First(c => (string?)c["status"] == "down");
        Assert.NotNull((string?)down["detail"]);
        Assert.NotNull((string?)down["previousStatus"]);
    }

    [Fact]
    public async Task Sent_events_are_deleted_after_the_retention_time()
    {
        await using var app = await GatewayApp.StartAsync(DatabaseKind.Sqlite, settings: broker.GatewaySettings(
            ("Messaging:Outbox:RetentionHours", "0"), ("Messaging:Outbox:CleanupIntervalSeconds", "1")));
        await app.WaitForBusAsync();

        await app.WriteEventsAsync(EventSamples.All(), e => e.GetType().Name);

        await Eventually.HoldsAsync(async () => await app.OutboxCountsAsync() == (0, 0), "the sent events to be cleaned up");
    }

    [Fact]
    public async Task Two_gateways_on_one_database_and_broker_reload_together()
    {
        await using var backend = await LegacyBackend.StartAsync();
        // The 30 s fingerprint check is off: only the event can make the second gateway reload in time.
        var settings = broker.GatewaySettings(("Catalogue:RefreshSeconds", "3600"));
        await using var first = await GatewayApp.StartAsync(DatabaseKind.Sqlite, settings: settings);
        await using var second = first.StartAnotherOnSameData(settings);
        second.KeepData = true;
        await first.WaitForBusAsync();
        await second.WaitForBusAsync();

        await first.CreateAgencyAsync("dinas-kembar");
        using var admin = first.CreateAdminClient();
        var exposure = TestData.Exposure(new Uri(backend.Address, "echo/"), "/dinas-kembar/layanan");
        await (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service("layanan-kembar", "dinas-kembar", exposure))).EnsureSuccessAsync();
        var changedAt = Stopwatch.StartNew();

        using var client = second.CreateAppsClient();
        HttpStatusCode status;
        do
        {
            status = (await client.GetAsync("/dinas-kembar/layanan/ping")).StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(20);
            }
        }
        while (status != HttpStatusCode.OK && changedAt.Elapsed < TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(changedAt.Elapsed < TimeSpan.FromSeconds(2), $"the second gateway took {changedAt.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Events_written_while_the_broker_is_stopped_are_all_applied_once_after_it_restarts()
    {
        // The receiving agency app consumes through the messaging module's inbox, as docs/events.md advises.
        await using var agency = await AgencyAppHost.StartAsync(broker.GatewaySettings());
        await using var app = await GatewayApp.StartAsync(DatabaseKind.Sqlite, settings: broker.GatewaySettings());
        await app.WaitForBusAsync();
        var events = Enumerable.Range(0, 1000).Select(_ => (IIntegrationEvent)EventSamples.ServiceRequestSubmitted()).ToList();

        await RabbitMqBroker.StopAsync();
        try
        {
            foreach (var batch in events.Chunk(100))
            {
                await app.WriteEventsAsync(batch, e => $"request:{e.EventId}");
            }

            await app.WaitForBusAsync(status: "Degraded");
            using var client = app.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode); // still serving
            Assert.Equal(1000, (await app.OutboxCountsAsync()).Pending);
            using var admin = app.CreateAdminClient();
            var outbox = await admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/admin/events/outbox");
            Assert.Equal(1000, (int)outbox!["pending"]!);
            Assert.NotNull((string?)outbox["oldestPendingCreatedAt"]);
            Assert.NotNull((string?)outbox["dispatcher"]); // this instance holds the lease
        }
        finally
        {
            await RabbitMqBroker.StartAsync();
        }

        await Eventually.HoldsAsync(() => Task.FromResult(agency.Log.Applied.Count >= 1000), "1,000 events applied after the restart", TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(2)); // room for a late duplicate to show up
        Assert.True(events.Select(e => e.EventId).ToHashSet().SetEquals(agency.Log.Applied.Keys), "a different set of events was applied");
        Assert.All(agency.Log.Applied.Values, applied => Assert.Equal(1, applied));
        Assert.Equal((0, 1000), await app.OutboxCountsAsync());
        output.WriteLine($"deliveries: {agency.Log.Delivered.Values.Sum()} for 1,000 events (redeliveries are skipped by the inbox)");
    }

    [Fact]
    public async Task An_event_committed_by_a_gateway_killed_before_publishing_is_delivered_after_restart()
    {
        await using var listener = await AgencyListener.StartAsync(broker.VirtualHost);
        var data = Path.Combine(Path.GetTempPath(), "satupintu-tests", Guid.NewGuid().ToString("N"));
        // A separate process whose dispatcher never runs: the commit happens, the publish never does.
        using (var doomed = await GatewayProcess.StartAsync(data, broker.GatewaySettings(("Messaging:Outbox:DispatcherEnabled", "false"))))
        {
            using var admin = doomed.CreateAdminClient();
            var created = await admin.PostAsJsonAsync("/api/admin/agencies", TestData.Agency("dinas-selamat"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            doomed.Kill(); // SIGKILL right after the commit
        }

        await Task.Delay(500);
        Assert.DoesNotContain(listener.Deliveries, d => d.Type == nameof(CatalogueChanged));

        await using var restarted = GatewayApp.StartOnSqliteData(data, broker.GatewaySettings());

        await listener.WaitForAsync(
            d => d.Any(r => r.Type == nameof(CatalogueChanged) && r.Json.Contains("\"agencyCode\":\"dinas-selamat\"", StringComparison.Ordinal)),
            Patience, "the CatalogueChanged committed before the kill");
        Assert.Single(listener.Received<CatalogueChanged>());
        Assert.Equal(0, (await restarted.OutboxCountsAsync()).Pending);
    }
}
