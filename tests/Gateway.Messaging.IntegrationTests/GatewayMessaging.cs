using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.Contracts.Events.V1;
using Gateway.Messaging.Outbox;
using Gateway.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Messaging.IntegrationTests;

/// <summary>What the messaging tests do to a running gateway.</summary>
internal static class GatewayMessaging
{
    /// <summary>Waits until the gateway's bus reports healthy in <c>/healthz/ready</c> (its queues are bound).</summary>
    public static async Task WaitForBusAsync(this GatewayApp app, string status = "Healthy", TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        using var client = app.CreateClient();
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await BusStatusAsync(client);
            if (last == status)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The bus did not become {status} (last: {last})");
    }

    public static async Task<string?> BusStatusAsync(HttpClient client)
    {
        var ready = await client.GetFromJsonAsync<JsonObject>("/healthz/ready");
        return ready!["checks"]!.AsArray().Single(c => (string?)c!["name"] == "bus")!["status"]!.GetValue<string>();
    }

    /// <summary>Commits events to the outbox the way a module does (its own SaveChanges).</summary>
    public static async Task WriteEventsAsync(this GatewayApp app, IEnumerable<IIntegrationEvent> events, Func<IIntegrationEvent, string> aggregateKey)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        foreach (var @event in events)
        {
            db.AddEvent(@event, aggregateKey(@event));
        }

        await db.SaveChangesAsync();
    }

    public static async Task<(int Pending, int Sent)> OutboxCountsAsync(this GatewayApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        return (await db.Outbox.CountAsync(m => m.SentAt == null), await db.Outbox.CountAsync(m => m.SentAt != null));
    }
}
