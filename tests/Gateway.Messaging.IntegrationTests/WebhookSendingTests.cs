using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.Messaging.Persistence;
using Gateway.Messaging.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Messaging.IntegrationTests;

/// <summary>
/// Webhook deliveries claimed one at a time (issue 13): one dead endpoint never holds back the other
/// subscribers, each outcome is saved as it happens, and two gateways never post one delivery twice.
/// </summary>
public sealed class WebhookSendingTests(BrokerFixture broker) : IClassFixture<BrokerFixture>
{
    [Fact]
    public async Task A_dead_endpoint_takes_one_sender_and_never_delays_a_live_one()
    {
        await using var dead = await WebhookReceiver.StartAsync();
        await using var live = await WebhookReceiver.StartAsync();
        dead.Hanging = true;
        // A 30 s timeout: before, a batch whose posts hung held every later delivery until they timed out.
        await using var app = await WebhookScenario.StartAsync(broker, DatabaseKind.Sqlite, ("Messaging:Webhooks:TimeoutSeconds", "30"));
        await WebhookScenario.SubscribeAsync(app, dead.Url);
        var (liveSubscription, _) = await WebhookScenario.SubscribeAsync(app, live.Url);

        for (var i = 0; i < 20; i++)
        {
            await WebhookScenario.FileComplaintAsync(app);
        }

        await Eventually.HoldsAsync(() => Task.FromResult(live.Received.Count == 20), "the live endpoint's 20 deliveries", TimeSpan.FromSeconds(20));
        using var admin = app.CreateAdminClient();
        await Eventually.HoldsAsync(
            async () => (await admin.GetFromJsonAsync<JsonArray>($"/api/admin/webhooks/deliveries?status=delivered&subscriptionId={liveSubscription}"))!.Count == 20,
            "the 20 outcomes saved while the dead endpoint still hangs", TimeSpan.FromSeconds(5));
        Assert.Single(dead.Received); // one post in flight to the dead endpoint, not one per sender
    }

    [Fact]
    public async Task Two_gateways_on_one_database_never_post_a_delivery_twice()
    {
        var receivers = new List<WebhookReceiver>();
        for (var i = 0; i < 4; i++)
        {
            var receiver = await WebhookReceiver.StartAsync();
            receiver.Delay = TimeSpan.FromMilliseconds(50);
            receivers.Add(receiver);
        }

        try
        {
            await using var first = await WebhookScenario.StartAsync(broker, DatabaseKind.Postgres);
            foreach (var receiver in receivers)
            {
                await WebhookScenario.SubscribeAsync(first, receiver.Url);
            }

            // Started after the subscriptions exist, so both know them from the start.
            await using var second = first.StartAnotherOnSameData(WebhookScenario.Settings(broker));
            second.KeepData = true;
            await second.WaitForBusAsync();

            for (var i = 0; i < 25; i++)
            {
                await WebhookScenario.FileComplaintAsync(i % 2 == 0 ? first : second);
            }

            await Eventually.HoldsAsync(() => Task.FromResult(receivers.Sum(r => r.Received.Count) >= 100), "100 deliveries", TimeSpan.FromSeconds(60));
            var posted = receivers.SelectMany(r => r.Received).Select(r => r.Headers["X-SatuPintu-Delivery"]).ToList();
            Assert.Equal(100, posted.Count);
            Assert.Equal(100, posted.Distinct().Count());
        }
        finally
        {
            foreach (var receiver in receivers)
            {
                await receiver.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Delivered_and_dead_deliveries_are_deleted_after_their_retention_and_no_sooner()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await WebhookScenario.StartAsync(broker, DatabaseKind.Sqlite, ("Messaging:Outbox:CleanupIntervalSeconds", "1"));
        var (subscription, _) = await WebhookScenario.SubscribeAsync(app, receiver.Url);
        var now = DateTime.UtcNow;
        WebhookDelivery Delivery(string name, WebhookDeliveryStatus status, DateTime at) => new()
        {
            SubscriptionId = Guid.Parse(subscription),
            EventId = Guid.NewGuid(),
            EventType = "ComplaintRouted",
            Body = name,
            Status = status,
            Attempts = 1,
            NextAttemptAt = at,
            CreatedAt = at,
            DeliveredAt = status == WebhookDeliveryStatus.Delivered ? at : null,
        };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
            db.WebhookDeliveries.AddRange(
                Delivery("delivered-8-days", WebhookDeliveryStatus.Delivered, now.AddDays(-8)),
                Delivery("delivered-6-days", WebhookDeliveryStatus.Delivered, now.AddDays(-6)),
                Delivery("dead-31-days", WebhookDeliveryStatus.Dead, now.AddDays(-31)),
                Delivery("dead-29-days", WebhookDeliveryStatus.Dead, now.AddDays(-29)));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        async Task<List<string>> LeftAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
            return await db.WebhookDeliveries.Select(d => d.Body).OrderBy(b => b).ToListAsync();
        }

        await Eventually.HoldsAsync(async () => (await LeftAsync()).Count == 2, "the two old deliveries to be deleted");
        Assert.Equal(["dead-29-days", "delivered-6-days"], await LeftAsync());
    }
}
