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

    [Fact]
    public async Task Every_contract_arrives_as_it_was_written()
    {
        await using var listener = await AgencyListener.StartAsync(broker.VirtualHost);
        await using var app = await GatewayApp.StartAsync(DatabaseKind.Sqlite, settings: broker.GatewaySettings());
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

        using var client = second.CreateClient();
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
    public async Task An_event_committed_by_a_gateway_that_stopped_before_publishing_is_delivered_after_restart()
    {
        await using var listener = await AgencyListener.StartAsync(broker.VirtualHost);
        var crashed = await GatewayApp.StartAsync(DatabaseKind.Sqlite,
            settings: broker.GatewaySettings(("Messaging:Outbox:DispatcherEnabled", "false")));
        crashed.KeepData = true;
        await crashed.CreateAgencyAsync("dinas-selamat");
        Assert.Equal(1, (await crashed.OutboxCountsAsync()).Pending);
        await crashed.DisposeAsync();

        await using var restarted = crashed.StartAnotherOnSameData(broker.GatewaySettings());

        await listener.WaitForAsync(
            d => d.Any(r => r.Type == nameof(CatalogueChanged) && r.Json.Contains("\"agencyCode\":\"dinas-selamat\"", StringComparison.Ordinal)),
            Patience, "the CatalogueChanged committed before the stop");
        Assert.Single(listener.Received<CatalogueChanged>());
    }
}
