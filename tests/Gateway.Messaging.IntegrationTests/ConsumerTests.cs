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
}
