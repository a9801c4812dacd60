using System.Collections.Concurrent;
using System.Text.Json;
using Gateway.Contracts.Events.V1;
using Gateway.Messaging.Bus;
using MassTransit;
using RabbitMQ.Client;

namespace Gateway.Testing;

/// <summary>
/// An agency app listening to every event contract on its own RabbitMQ queue with plain MassTransit
/// (no SatuPintu code but the contracts and the JSON conventions): records each delivery.
/// </summary>
public sealed class AgencyListener : IAsyncDisposable
{
    private readonly IBusControl _bus;
    private readonly string _virtualHost;
    private readonly string _queue;

    private AgencyListener(IBusControl bus, string virtualHost, string queue)
    {
        _bus = bus;
        _virtualHost = virtualHost;
        _queue = queue;
    }

    /// <summary>Every delivery in arrival order: (event id, type name, the event's JSON).</summary>
    public ConcurrentQueue<(Guid EventId, string Type, string Json)> Deliveries { get; } = new();

    public static async Task<AgencyListener> StartAsync(string virtualHost)
    {
        AgencyListener? listener = null;
        // A queue of this listener's own: events left over from another test never reach it.
        var queue = "test-agency-listener-" + Guid.NewGuid().ToString("N")[..8];
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(RabbitMqBroker.Host, (ushort)RabbitMqBroker.Port, virtualHost, h =>
            {
                h.Username("guest");
                h.Password("guest");
            });
            cfg.ConfigureJsonSerializerOptions(EventJson.Configure);
            cfg.ReceiveEndpoint(queue, e =>
            {
                // One at a time, so the arrival order recorded is the queue's order.
                e.PrefetchCount = 1;
                e.ConcurrentMessageLimit = 1;
                e.Handler<CatalogueChanged>(c => listener!.Record(c));
                e.Handler<ServiceHealthChanged>(c => listener!.Record(c));
                e.Handler<CitizenRegistered>(c => listener!.Record(c));
                e.Handler<CitizenProfileChanged>(c => listener!.Record(c));
                e.Handler<ServiceRequestSubmitted>(c => listener!.Record(c));
                e.Handler<ServiceRequestStatusChanged>(c => listener!.Record(c));
                e.Handler<ServiceRequestOverdue>(c => listener!.Record(c));
                e.Handler<ComplaintFiled>(c => listener!.Record(c));
                e.Handler<ComplaintRouted>(c => listener!.Record(c));
                e.Handler<ComplaintStatusChanged>(c => listener!.Record(c));
                e.Handler<ComplaintOverdue>(c => listener!.Record(c));
                e.Handler<SubscriptionChanged>(c => listener!.Record(c));
            });
        });
        listener = new AgencyListener(bus, virtualHost, queue);
        using var started = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bus.StartAsync(started.Token);
        return listener;
    }

    public IReadOnlyList<Guid> Received<T>() where T : IIntegrationEvent =>
        Deliveries.Where(d => d.Type == typeof(T).Name).Select(d => d.EventId).ToList();

    /// <summary>Waits until <paramref name="condition"/> holds over the deliveries, or fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(Func<IReadOnlyCollection<(Guid EventId, string Type, string Json)>, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(Deliveries))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds} s waiting for {what}; {Deliveries.Count} deliveries so far.");
            }

            await Task.Delay(50);
        }
    }

    private Task Record<T>(ConsumeContext<T> context) where T : class, IIntegrationEvent
    {
        Deliveries.Enqueue((context.Message.EventId, typeof(T).Name, JsonSerializer.Serialize(context.Message, EventJson.Options)));
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _bus.StopAsync();
        await using var connection = await RabbitMqBroker.Factory(_virtualHost).CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(_queue);
    }
}
