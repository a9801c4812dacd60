using System.Collections.Concurrent;
using System.Text.Json;
using Gateway.Contracts.Events.V1;
using Gateway.Messaging.Bus;
using MassTransit;

namespace Gateway.Testing;

/// <summary>
/// An agency app listening to every event contract on its own RabbitMQ queue with plain MassTransit
/// (no SatuPintu code but the contracts and the JSON conventions): records each delivery.
/// </summary>
public sealed class AgencyListener : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private AgencyListener(IBusControl bus) => _bus = bus;

    /// <summary>Every delivery in arrival order: (event id, type name, the event's JSON).</summary>
    public ConcurrentQueue<(Guid EventId, string Type, string Json)> Deliveries { get; } = new();

    public static async Task<AgencyListener> StartAsync(string virtualHost)
    {
        AgencyListener? listener = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(RabbitMqBroker.Host, (ushort)RabbitMqBroker.Port, virtualHost, h =>
            {
                h.Username("guest");
                h.Password("guest");
            });
            cfg.ConfigureJsonSerializerOptions(EventJson.Configure);
            cfg.ReceiveEndpoint("test-agency-listener", e =>
            {
                e.Handler<CatalogueChanged>(c => listener!.Record(c));
                e.Handler<ServiceHealthChanged>(c => listener!.Record(c));
                e.Handler<CitizenRegistered>(c => listener!.Record(c));
                e.Handler<CitizenProfileChanged>(c => listener!.Record(c));
                e.Handler<ServiceRequestSubmitted>(c => listener!.Record(c));
                e.Handler<ServiceRequestStatusChanged>(c => listener!.Record(c));
                e.Handler<ServiceRequestOverdue>(c => listener!.Record(c));
                e.Handler<ComplaintFiled>(c => listener!.Record(c));
                e.Handler<ComplaintRouted>(c => listener!.Record(c));
            });
        });
        listener = new AgencyListener(bus);
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

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
