using System.Security.Authentication;
using Gateway.Messaging.Bus;
using Gateway.Messaging.Persistence;
using Gateway.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Gateway.Messaging.Subscriptions;

/// <summary>
/// Gives each agency with AMQP subscriptions a durable queue of its own (<c>satupintu-agency-{code}</c>),
/// bound to the exchange of every event type it subscribes to. Events wait there even before the
/// agency's app first connects, and the app needs nothing but an AMQP client to read them
/// (docs/events.md). On the in-memory transport there is no broker and this does nothing.
/// </summary>
internal sealed partial class AgencyQueues(IOptions<MessagingOptions> options, ILogger<AgencyQueues> logger)
{
    private readonly MessagingOptions _options = options.Value;

    public static string NameFor(string agencyCode) => $"satupintu-agency-{agencyCode}";

    public Task AddBindingAsync(string agencyCode, string eventType, CancellationToken cancellationToken) =>
        ApplyAsync([(agencyCode, eventType)], bind: true, cancellationToken);

    public Task RemoveBindingAsync(string agencyCode, string eventType, CancellationToken cancellationToken) =>
        ApplyAsync([(agencyCode, eventType)], bind: false, cancellationToken);

    /// <returns>False when the broker could not be reached (logged); the subscription itself is stored either way.</returns>
    public async Task<bool> ApplyAsync(IReadOnlyCollection<(string AgencyCode, string EventType)> bindings, bool bind, CancellationToken cancellationToken)
    {
        if (_options.Transport != MessageTransport.RabbitMq || bindings.Count == 0)
        {
            return true;
        }

        try
        {
            await using var connection = await CreateFactory().CreateConnectionAsync("satupintu-queue-provisioner", cancellationToken);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            foreach (var (agencyCode, eventType) in bindings)
            {
                var exchange = EventTypes.ExchangeOf(EventTypes.ByName[eventType]);
                var queue = NameFor(agencyCode);
                // The same declarations MassTransit makes, so whichever comes first, both agree.
                await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
                await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
                if (bind)
                {
                    await channel.QueueBindAsync(queue, exchange, routingKey: string.Empty, cancellationToken: cancellationToken);
                }
                else
                {
                    await channel.QueueUnbindAsync(queue, exchange, routingKey: string.Empty, cancellationToken: cancellationToken);
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBrokerUnreachable(logger, ex, bindings.Count);
            return false;
        }
    }

    private ConnectionFactory CreateFactory()
    {
        var rabbit = _options.RabbitMq;
        var factory = new ConnectionFactory
        {
            HostName = rabbit.Host,
            Port = rabbit.Port,
            VirtualHost = rabbit.VirtualHost,
            UserName = rabbit.Username,
            Password = rabbit.Password,
        };
        if (rabbit.UseTls)
        {
            factory.Ssl = new SslOption
            {
                Enabled = true,
                ServerName = rabbit.TlsServerName ?? rabbit.Host,
                Version = SslProtocols.Tls12 | SslProtocols.Tls13,
            };
        }

        return factory;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not set up {Count} agency queue binding(s) on RabbitMQ; they are retried at the next start-up sync")]
    private static partial void LogBrokerUnreachable(ILogger logger, Exception exception, int count);
}

/// <summary>
/// Makes the broker's agency queues match the registry at start-up and every 5 minutes (every minute
/// while the broker is unreachable), so a binding that failed when its subscription was created is
/// made later. The declarations are idempotent.
/// </summary>
internal sealed partial class AgencyQueueSync(IServiceScopeFactory scopes, AgencyQueues queues, ILogger<AgencyQueueSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        var ticksToWait = 0;
        do
        {
            if (--ticksToWait > 0)
            {
                continue;
            }

            try
            {
                ticksToWait = await SyncAsync(stoppingToken) ? 5 : 1;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSyncFailed(logger, ex);
                ticksToWait = 1;
            }
        }
        while (await timer.NextTickOrStopAsync(stoppingToken));
    }

    private async Task<bool> SyncAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        var bindings = await db.Subscriptions.AsNoTracking()
            .Where(s => s.Active && s.Delivery == DeliveryMethod.Amqp)
            .Select(s => new { s.AgencyCode, s.EventType })
            .ToListAsync(cancellationToken);
        return await queues.ApplyAsync(bindings.Select(b => (b.AgencyCode, b.EventType)).ToList(), bind: true, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the AMQP subscriptions to set up agency queues; retrying in a minute")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);
}
