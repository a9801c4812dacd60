using System.Security.Authentication;
using Gateway.Contracts.Events.V1;
using Gateway.Messaging.Bus;
using Gateway.Messaging.Inbox;
using Gateway.Messaging.Outbox;
using Gateway.Messaging.Persistence;
using Gateway.Messaging.Subscriptions;
using Gateway.Messaging.Webhooks;
using Gateway.Platform.Database;
using Gateway.Platform.Edge;
using Gateway.Platform.Security;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Messaging;

/// <summary>The messaging module: the bus, the outbox and inbox, the subscription registry and webhooks.</summary>
public static class MessagingModule
{
    public const string DatabaseName = "messaging";

    /// <param name="consumers">Each module adds its consumers here (composition stays in the host).</param>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, Action<EventConsumers>? consumers = null)
    {
        var services = builder.Services;
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section)
            .Validate(o => o.Transport != MessageTransport.RabbitMq || !string.IsNullOrEmpty(o.RabbitMq.Password),
                "Messaging:RabbitMq:Password is required with the RabbitMq transport (set Messaging__RabbitMq__Password from a secret).")
            .Validate(o => o.Retry.IntervalsMilliseconds.All(ms => ms >= 0) && o.Webhooks.RetryScheduleSeconds.All(s => s > 0),
                "Messaging:Retry:IntervalsMilliseconds takes numbers of 0 or more, Messaging:Webhooks:RetryScheduleSeconds numbers above 0.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidator>();
        var options = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        var instance = new InstanceIdentity(Options.Create(options));

        builder.AddModuleDatabase<MessagingDbContext, SqliteMessagingDbContext, PostgresMessagingDbContext>(DatabaseName);
        services.AddSingleton(instance);
        services.AddSingleton<MessagingMetrics>();
        services.AddSingleton<Leases>();
        services.AddSingleton<InboxGroups>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<OutboxSignal>());
        services.AddHostedService<OutboxDispatcher>();

        // Subscription registry and webhooks
        services.AddSingleton<SubscriptionCache>();
        services.AddHostedService(sp => sp.GetRequiredService<SubscriptionCache>());
        services.AddSingleton<SubscriptionEvents>();
        services.AddSingleton<AgencyQueues>();
        services.AddHostedService<AgencyQueueSync>();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookClaims>();
        services.AddHostedService<WebhookSender>();
        services.AddHttpClient(WebhookSender.HttpClientName, c => c.DefaultRequestHeaders.UserAgent.ParseAdd("SatuPintu-Webhooks/1"))
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectCallback = sp.GetRequiredService<Gateway.Platform.Edge.Outbound.OutboundGuard>().ConnectAsync,
            });

        services.AddMassTransit(bus =>
        {
            // MassTransit reports usage to its vendor over the internet by default; a city's gateway sends nothing
            // anywhere it was not configured to (and its egress policy would refuse it, with a warning in the log).
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter("satupintu", false));
            bus.ConfigureHealthCheckOptions(h =>
            {
                h.Name = "bus";
                h.MinimalFailureStatus = options.BusFailureStatus == BusFailureStatus.Unhealthy ? HealthStatus.Unhealthy : HealthStatus.Degraded;
                h.Tags.Add(HealthTags.Ready);
            });
            // Every consumer retries with these waits, then its message goes to "<queue>_error": a poison
            // message is set aside and the queue moves on.
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
                endpoint.UseMessageRetry(r => r.Intervals(options.Retry.EffectiveIntervals)));

            // One shared queue turns every event type into webhook deliveries.
            var eventConsumers = new EventConsumers(bus, instance, options.Inbox.PrefetchCount);
            foreach (var type in EventTypes.ByName.Values)
            {
                var fanOut = typeof(WebhookFanOut<>).MakeGenericType(type);
                bus.AddConsumer(fanOut).Endpoint(e =>
                {
                    e.Name = WebhookFanOut<CatalogueChanged>.Queue;
                    eventConsumers.InboxPrefetch(fanOut, e);
                });
            }

            eventConsumers.PerInstance<SubscriptionChangedConsumer>("subscriptions");
            consumers?.Invoke(eventConsumers);

            if (options.Transport == MessageTransport.RabbitMq)
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    var rabbit = context.GetRequiredService<IOptions<MessagingOptions>>().Value.RabbitMq;
                    cfg.Host(rabbit.Host, (ushort)rabbit.Port, rabbit.VirtualHost, $"satupintu-{instance.Name}", h =>
                    {
                        h.Username(rabbit.Username);
                        h.Password(rabbit.Password);
                        h.PublisherConfirmation = true;
                        if (rabbit.UseTls)
                        {
                            h.UseSsl(s =>
                            {
                                s.Protocol = SslProtocols.Tls12 | SslProtocols.Tls13;
                                s.ServerName = rabbit.TlsServerName ?? rabbit.Host;
                            });
                        }
                    });
                    cfg.PrefetchCount = (ushort)rabbit.PrefetchCount;
                    cfg.ConfigureJsonSerializerOptions(EventJson.Configure);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) =>
                {
                    cfg.ConfigureJsonSerializerOptions(EventJson.Configure);
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapMessaging(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPortal().MapEventCatalogueApi();
        var admin = endpoints.MapAdminGroup();
        admin.MapSubscriptionAdminApi();
        admin.MapWebhookAdminApi();
        admin.MapOutboxAdminApi();
        return endpoints;
    }
}
