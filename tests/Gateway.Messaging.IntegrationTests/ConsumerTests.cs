using Gateway.Contracts.Events.V1;
using Gateway.Messaging.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Messaging.IntegrationTests;

/// <summary>How the messaging module's consumers behave on a real broker: retries, error queue, inbox.</summary>
public sealed class ConsumerTests(BrokerFixture broker) : IClassFixture<BrokerFixture>
{
    private const string FailingQueue = "satupintu-failing-complaint";
    private const string RequestQueue = "satupintu-counting-request";

    [Fact]
    public async Task A_failing_message_is_retried_then_set_aside_in_the_error_queue_and_the_queue_moves_on()
    {
        await using var app = await AgencyAppHost.StartAsync(broker.GatewaySettings());
        var poison = EventSamples.ComplaintFiled(complaintId: Guid.CreateVersion7()) with { Subject = "poison" };
        var healthy = EventSamples.ComplaintFiled(complaintId: Guid.CreateVersion7());

        await app.Bus.Publish(poison, c => c.MessageId = poison.EventId);
        await app.Bus.Publish(healthy, c => c.MessageId = healthy.EventId);

        await Eventually.HoldsAsync(async () => await RabbitMqBroker.CountAsync(broker.VirtualHost, FailingQueue + "_error") == 1,
            "the poison message in the error queue");
        Assert.Equal(4, app.Log.FailingAttempts[poison.EventId]); // the first try and three retries (50, 100, 200 ms)
        Assert.Equal(1, app.Log.Handled[healthy.EventId]);
        Assert.False(app.Log.Handled.ContainsKey(poison.EventId));
        var setAside = await RabbitMqBroker.GetAsync(broker.VirtualHost, FailingQueue + "_error");
        Assert.Contains(poison.EventId.ToString(), setAside!.Value.Body, StringComparison.Ordinal);
        // AMQP header strings arrive as bytes; MassTransit says why the message failed.
        var reason = System.Text.Encoding.UTF8.GetString((byte[])setAside.Value.Headers["MT-Fault-Message"]!);
        Assert.Equal("cannot process this complaint", reason);
    }

    [Fact]
    public async Task A_duplicate_delivery_is_applied_once()
    {
        await using var app = await AgencyAppHost.StartAsync(broker.GatewaySettings());
        var submitted = EventSamples.ServiceRequestSubmitted();
        var other = EventSamples.ServiceRequestSubmitted();

        // The same event twice (a publisher retrying after a lost confirm), then another one.
        await app.Bus.Publish(submitted, c => c.MessageId = submitted.EventId);
        await app.Bus.Publish(submitted, c => c.MessageId = submitted.EventId);
        await app.Bus.Publish(other, c => c.MessageId = other.EventId);

        await Eventually.HoldsAsync(() => Task.FromResult(app.Log.Applied.ContainsKey(other.EventId)), "the later event applied");
        await Task.Delay(500);
        Assert.Equal(1, app.Log.Applied[submitted.EventId]);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        Assert.Equal(1, await db.Inbox.CountAsync(r => r.EventId == submitted.EventId));
    }

    [Fact]
    public async Task Inbox_events_arriving_together_are_saved_in_groups_and_a_failing_one_fails_alone()
    {
        await using var app = await AgencyAppHost.StartAsync(broker.GatewaySettings());
        var healthy = Enumerable.Range(0, 300).Select(_ => EventSamples.ServiceRequestSubmitted()).ToList();
        var poison = EventSamples.ServiceRequestSubmitted() with { ServiceSlug = "poison" };

        // Published at once, the poison one in the middle: the consumer receives them concurrently (prefetch).
        await Task.WhenAll(healthy.Take(150).Append(poison).Concat(healthy.Skip(150))
            .Select(e => app.Bus.Publish(e, c => c.MessageId = e.EventId)));

        await Eventually.HoldsAsync(async () => await RabbitMqBroker.CountAsync(broker.VirtualHost, RequestQueue + "_error") == 1,
            "the failing event in the error queue");
        await Eventually.HoldsAsync(() => Task.FromResult(app.Log.Applied.Count >= healthy.Count), "every healthy event applied");
        Assert.True(healthy.Select(e => e.EventId).ToHashSet().SetEquals(app.Log.Applied.Keys), "a different set of events was applied");
        Assert.All(app.Log.Applied.Values, applied => Assert.Equal(1, applied));
        Assert.True(app.Log.LargestGroup > 1, "every event was saved in a transaction of its own");
        var setAside = await RabbitMqBroker.GetAsync(broker.VirtualHost, RequestQueue + "_error");
        Assert.Contains(poison.EventId.ToString(), setAside!.Value.Body, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        Assert.Equal(healthy.Count, await db.Inbox.CountAsync(r => r.Consumer == nameof(CountingRequestConsumer)));
    }
}
