using Gateway.Platform.Catalogue;
using Gateway.Platform.Routing;
using Gateway.Platform.Security;
using Gateway.Proxy.Access;
using Gateway.Proxy.Errors;
using Gateway.Proxy.Forwarding;
using Gateway.Proxy.Health;
using Gateway.Proxy.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;

namespace Gateway.Proxy;

/// <summary>The proxy module: one call to register it, one to map it. It follows whatever catalogue is published.</summary>
public static class ProxyModule
{
    public static IHostApplicationBuilder AddProxy(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HealthCheckOptions>().BindConfiguration(HealthCheckOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.ProbeTimeoutSeconds <= o.ProbeIntervalSeconds,
                "Proxy:Health:ProbeTimeoutSeconds must not exceed ProbeIntervalSeconds.")
            .ValidateOnStart();
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<UpstreamSecrets>();

        // Routes from the published catalogue
        services.AddSingleton<UpstreamClusters>();
        services.AddSingleton<ProxyConfigFactory>();
        services.AddSingleton<ServiceRouter>();
        services.AddSingleton<CatalogueProxyConfigProvider>();
        services.AddSingleton<IProxyConfigProvider>(sp => sp.GetRequiredService<CatalogueProxyConfigProvider>());
        services.AddSingleton<ICatalogueObserver, ProxyRoutes>();

        // The pipeline's own steps and transforms
        services.AddSingleton<ProxyErrorResponses>();
        services.AddSingleton<RouteAccess>();
        services.AddSingleton<ServiceQuotas>();
        services.AddSingleton<ServiceConcurrency>();
        services.AddSingleton<UpstreamCredentialStore>();
        services.AddReverseProxy()
            .AddTransforms<CookieConfinement>()
            .AddTransforms<UpstreamCredentialTransformProvider>()
            .AddTransforms<ForwardedIdentityTransformProvider>();
        services.AddSingleton<IForwarderHttpClientFactory, SharedForwarderHttpClientFactory>();

        // Health of every exposed service
        services.AddSingleton<ProbeHistory>();
        services.AddSingleton<SharedProber>();
        services.AddHostedService(sp => sp.GetRequiredService<SharedProber>());
        services.AddSingleton<ServiceHealthBoard>();
        services.AddSingleton<IServiceHealthBoard>(sp => sp.GetRequiredService<ServiceHealthBoard>());
        services.AddSingleton<ServiceHealthPolicy>();
        services.AddSingleton<IActiveHealthCheckPolicy>(sp => sp.GetRequiredService<ServiceHealthPolicy>());
        services.AddHostedService<ServiceHealthMonitor>();
        services.AddHostedService<ServiceHealthRecorder>();
        return builder;
    }

    /// <summary>
    /// Maps the proxy after every own endpoint. Order of the steps: errors as problems, the service by
    /// prefix, access rule, quotas, the service's concurrency cap, then YARP's affinity, load balancing and
    /// passive health.
    /// </summary>
    public static IEndpointRouteBuilder MapProxy(this IEndpointRouteBuilder endpoints)
    {
        var errors = endpoints.ServiceProvider.GetRequiredService<ProxyErrorResponses>();
        var router = endpoints.ServiceProvider.GetRequiredService<ServiceRouter>();
        var access = endpoints.ServiceProvider.GetRequiredService<RouteAccess>();
        var quotas = endpoints.ServiceProvider.GetRequiredService<ServiceQuotas>();
        var concurrency = endpoints.ServiceProvider.GetRequiredService<ServiceConcurrency>();
        endpoints.MapReverseProxy(proxy =>
        {
            proxy.Use(errors.InvokeAsync);
            proxy.Use(router.InvokeAsync);
            proxy.Use(access.InvokeAsync);
            proxy.Use(quotas.InvokeAsync);
            proxy.Use(concurrency.InvokeAsync);
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        }).WithMetadata(PassThroughEndpoint.Instance);
        return endpoints;
    }
}
