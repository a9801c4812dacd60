using Gateway.Contracts.Events.V1;
using Gateway.Messaging.Bus;
using MassTransit;

namespace Gateway.Bench.Events;

/// <summary>The reference: a plain MassTransit bus publishing (durable, publisher confirms) and consuming the same events.</summary>
internal sealed class BareMassTransit(string virtualHost) : IBenchTarget
{
    private const int Concurrency = 100;
    private readonly Arrivals _arrivals = new();
    private IBusControl? _bus;

    public async Task StartAsync()
    {
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host("127.0.0.1", 5672, virtualHost, h =>
            {
                h.Username("guest");
                h.Password("guest");
                h.PublisherConfirmation = true;
            });
            cfg.ConfigureJsonSerializerOptions(EventJson.Configure);
            cfg.ReceiveEndpoint("bench-bare", e => e.Handler<ComplaintFiled>(_ =>
            {
                _arrivals.Arrived();
                return Task.CompletedTask;
            }));
        });
        await _bus.StartAsync();
    }

    public async Task RunAsync(int events)
    {
        var done = _arrivals.Expect(events);
        // Concurrent publishes, as a busy service would make them (one at a time gives ~1.2k/s here).
        for (var sent = 0; sent < events; sent += Concurrency)
        {
            await Task.WhenAll(Enumerable.Range(0, Math.Min(Concurrency, events - sent)).Select(_ =>
            {
                var complaint = Samples.Complaint();
                return _bus!.Publish(complaint, c => c.MessageId = complaint.EventId);
            }));
        }

        await done;
    }

    public async ValueTask DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.StopAsync();
        }
    }
}
