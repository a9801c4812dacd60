using Gateway.Contracts.Events.V1;
using Gateway.Messaging.Persistence;
using Gateway.Messaging.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Messaging.IntegrationTests;

/// <summary>
/// Subscriptions on every replica at once (issue 13): a change made on one instance reaches the others
/// through the bus, and a subscription deleted meanwhile never costs the other subscribers their event.
/// </summary>
public sealed class SubscriptionPropagationTests(BrokerFixture broker) : IClassFixture<BrokerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_subscription_made_on_one_gateway_is_served_by_the_other_at_once()
    {
        await using var listener = await AgencyListener.StartAsync(broker.VirtualHost);
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var first = await WebhookScenario.StartAsync(broker);
        // Both running before the subscription exists: the second only learns of it from the bus (its
        // 30 s refresh comes long after this test's deadline).
        await using var second = first.StartAnotherOnSameData(WebhookScenario.Settings(broker));
        second.KeepData = true;
        await second.WaitForBusAsync();

        var (subscriptionId, _) = await WebhookScenario.SubscribeAsync(first, receiver.Url);
        await listener.WaitForAsync(d => d.Any(r => r.Type == nameof(SubscriptionChanged)), Patience, "the SubscriptionChanged event");
        Assert.Contains(subscriptionId, listener.Deliveries.Single(d => d.Type == nameof(SubscriptionChanged)).Json, StringComparison.Ordinal);

        // The shared fan-out queue hands these to either instance; every one must become a webhook.
        for (var i = 0; i < 10; i++)
        {
            await WebhookScenario.FileComplaintAsync(i % 2 == 0 ? first : second);
        }

        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Received.Count == 10), "10 webhooks", Patience);
    }

    [Fact]
    public async Task A_subscription_deleted_meanwhile_costs_the_other_subscribers_nothing()
    {
        await using var gone = await WebhookReceiver.StartAsync();
        await using var live = await WebhookReceiver.StartAsync();
        await using var app = await WebhookScenario.StartAsync(broker);
        var (goneId, _) = await WebhookScenario.SubscribeAsync(app, gone.Url);
        await WebhookScenario.SubscribeAsync(app, live.Url);
        // Deleted behind this instance's back, as another instance would before its news arrives here.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
            Assert.Equal(1, await db.Subscriptions.Where(s => s.Id == Guid.Parse(goneId)).ExecuteDeleteAsync());
        }

        await WebhookScenario.FileComplaintAsync(app);

        await Eventually.HoldsAsync(() => Task.FromResult(live.Received.Count == 1), "the live subscriber's webhook", Patience);
        Assert.Empty(gone.Received);
        Assert.Equal(0u, await RabbitMqBroker.CountAsync(broker.VirtualHost, $"{WebhookFanOut<ComplaintRouted>.Queue}_error") ?? 0u);
    }
}
