using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.Contracts.Events.V1;
using Gateway.Messaging.Bus;
using Gateway.Messaging.Outbox;
using Gateway.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Messaging.IntegrationTests;

/// <summary>
/// Outbox rows that can never be published (an unknown type, a payload that no longer reads): parked after
/// Outbox:MaxAttempts, shown to administrators, and never in the way of the other events (issue 13).
/// </summary>
public sealed class OutboxParkingTests(BrokerFixture broker) : IClassFixture<BrokerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Five_hundred_poison_rows_are_parked_while_a_thousand_good_events_flow(DatabaseKind database)
    {
        await using var listener = await AgencyListener.StartAsync(broker.VirtualHost);
        await using var app = await GatewayApp.StartAsync(database, settings: broker.GatewaySettings(("Messaging:Outbox:MaxAttempts", "3")));
        await app.WaitForBusAsync();
        // 500 rows, a whole batch: before parking, they filled every batch and kept the dispatcher in backoff.
        await app.WriteRawOutboxRowsAsync(Enumerable.Range(0, 500).Select(i => PoisonRow($"request:poison-{i}", "NoSuchEvent", "{}")));
        var good = Enumerable.Range(0, 1000).Select(_ => (IIntegrationEvent)EventSamples.ServiceRequestOverdue()).ToList();

        foreach (var batch in good.Chunk(100))
        {
            await app.WriteEventsAsync(batch, e => $"request:{e.EventId}");
        }

        await listener.WaitForAsync(d => d.Count >= 1000, Patience, "the 1,000 good events");
        Assert.True(good.Select(e => e.EventId).ToHashSet().SetEquals(listener.Deliveries.Select(d => d.EventId)), "a different set of events arrived");
        using var admin = app.CreateAdminClient();
        JsonObject? status = null;
        // Parked rows are not counted as pending (the gateway's own events, e.g. health changes, may be for a moment).
        await Eventually.HoldsAsync(
            async () =>
            {
                status = await admin.GetFromJsonAsync<JsonObject>("/api/admin/events/outbox");
                return (int)status!["parked"]! == 500 && (int)status["pending"]! == 0;
            },
            "the 500 poison rows to be parked and nothing else pending", Patience);
        var shown = status!["parkedEvents"]!.AsArray();
        Assert.Equal(50, shown.Count);
        Assert.All(shown, row =>
        {
            Assert.Equal("NoSuchEvent", (string?)row!["eventType"]);
            Assert.Equal(3, (int)row["attempts"]!);
            Assert.Contains("Unknown event type 'NoSuchEvent'", (string?)row["lastError"], StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_failing_event_holds_back_only_the_later_events_of_its_own_aggregate()
    {
        await using var listener = await AgencyListener.StartAsync(broker.VirtualHost);
        await using var app = await GatewayApp.StartAsync(DatabaseKind.Sqlite, settings: broker.GatewaySettings(("Messaging:Outbox:MaxAttempts", "1000")));
        await app.WaitForBusAsync();
        var broken = PoisonRow("request:the-one", nameof(ServiceRequestStatusChanged), "{ this is not JSON");
        await app.WriteRawOutboxRowsAsync([broken]);
        var behind = EventSamples.ServiceRequestStatusChanged();
        var elsewhere = EventSamples.ServiceRequestOverdue();
        await app.WriteEventsAsync([behind], _ => "request:the-one");
        await app.WriteEventsAsync([elsewhere], _ => "request:another");

        await listener.WaitForAsync(d => d.Any(r => r.EventId == elsewhere.EventId), Patience, "the other aggregate's event");
        await Eventually.HoldsAsync(async () => (await app.OutboxRowAsync(broken.EventId)).Attempts >= 3, "the broken row to be retried three times", Patience);
        Assert.DoesNotContain(listener.Deliveries, d => d.EventId == behind.EventId);
        var retried = await app.OutboxRowAsync(broken.EventId);
        Assert.Null(retried.ParkedAt);
        Assert.Contains("JsonException", retried.LastError, StringComparison.Ordinal);

        // Once the row reads again (here: repaired in place), it goes out first, then the one behind it.
        var repaired = EventSamples.ServiceRequestStatusChanged(broken.EventId);
        await app.UpdateOutboxPayloadAsync(broken.EventId, System.Text.Json.JsonSerializer.Serialize(repaired, EventJson.Options));
        await listener.WaitForAsync(d => d.Any(r => r.EventId == behind.EventId), Patience, "the event behind the repaired one");
        var order = listener.Deliveries.Where(d => d.Type == nameof(ServiceRequestStatusChanged)).Select(d => d.EventId).ToList();
        Assert.Equal([broken.EventId, behind.EventId], order);
    }

    [Fact]
    public async Task An_administrator_releases_a_parked_event_for_a_fresh_set_of_attempts()
    {
        await using var app = await GatewayApp.StartAsync(DatabaseKind.Sqlite, settings: broker.GatewaySettings(("Messaging:Outbox:MaxAttempts", "2")));
        await app.WaitForBusAsync();
        var poison = PoisonRow("request:poison", "NoSuchEvent", "{}");
        await app.WriteRawOutboxRowsAsync([poison]);
        await Eventually.HoldsAsync(async () => (await app.OutboxRowAsync(poison.EventId)).ParkedAt is not null, "the row to be parked", Patience);
        var id = (await app.OutboxRowAsync(poison.EventId)).Id;
        using var admin = app.CreateAdminClient();

        var released = await admin.PostAsync($"/api/admin/events/outbox/parked/{id}/release", null);

        Assert.Equal(HttpStatusCode.Accepted, released.StatusCode);
        // Released, it is tried again from the start and, still unknown, parked again after two attempts.
        await Eventually.HoldsAsync(async () => (await app.OutboxRowAsync(poison.EventId)).ParkedAt is not null, "the row to be parked again", Patience);
        Assert.Equal(2, (await app.OutboxRowAsync(poison.EventId)).Attempts);

        var all = await admin.PostAsync("/api/admin/events/outbox/parked/release", null);
        Assert.Equal(1, (int)(await all.Content.ReadFromJsonAsync<JsonObject>())!["released"]!);
        var unknown = await admin.PostAsync($"/api/admin/events/outbox/parked/{id + 1000}/release", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"{id + 1000}", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static OutboxMessage PoisonRow(string aggregate, string type, string payload) => new()
    {
        EventId = EventSamples.NewEventId(),
        EventType = type,
        AggregateKey = aggregate,
        CorrelationId = Guid.NewGuid(),
        Payload = payload,
        CreatedAt = DateTime.UtcNow,
    };
}

/// <summary>Outbox rows written and read around the module's API, as a broken deployment would leave them.</summary>
internal static class OutboxRows
{
    public static async Task WriteRawOutboxRowsAsync(this GatewayApp app, IEnumerable<OutboxMessage> rows)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        db.Outbox.AddRange(rows);
        await db.SaveChangesAsync();
    }

    public static async Task<OutboxMessage> OutboxRowAsync(this GatewayApp app, Guid eventId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        return await db.Outbox.AsNoTracking().SingleAsync(m => m.EventId == eventId);
    }

    public static async Task UpdateOutboxPayloadAsync(this GatewayApp app, Guid eventId, string payload)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        await db.Outbox.Where(m => m.EventId == eventId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Payload, payload));
    }
}
