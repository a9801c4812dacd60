using Gateway.Catalogue.Admin;
using Gateway.Catalogue.Editing;
using Gateway.Catalogue.Events;
using Gateway.Catalogue.Health;
using Gateway.Catalogue.Persistence;
using Gateway.Catalogue.Proxy;
using Gateway.Catalogue.PublicApi;
using Gateway.Catalogue.Search;
using Gateway.Catalogue.Snapshot;
using Gateway.Platform.Agencies;
using Gateway.Platform.Database;
using Gateway.Platform.Edge;
using Gateway.Platform.Routing;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;

namespace Gateway.Catalogue;

/// <summary>The catalogue module: one call to register it, one to map it.</summary>
public static class CatalogueModule
{
    public const string DatabaseName = "catalogue";

    public static IHostApplicationBuilder AddCatalogue(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddModuleDatabase<CatalogueDbContext, SqliteCatalogueDbContext, PostgresCatalogueDbContext>(DatabaseName);
        services.AddOptions<CatalogueOptions>().BindConfiguration(CatalogueOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Health.ProbeTimeoutSeconds <= o.Health.ProbeIntervalSeconds,
                "Catalogue:Health:ProbeTimeoutSeconds must not exceed ProbeIntervalSeconds.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // Snapshot and editing
        services.AddSingleton<CatalogueState>();
        services.AddSingleton<CatalogueSearchIndex>();
        services.AddSingleton<IAgencyDirectory, CatalogueAgencyDirectory>();
        services.AddSingleton<IServiceDirectory, CatalogueServiceDirectory>();
        services.AddHostedService<CatalogueRefresher>();
        services.AddSingleton<CatalogueWriteGate>();
        services.AddScoped<ExposureBuilder>();
        services.AddSingleton<CatalogueEvents>();
        services.AddScoped(sp => new AgencyEditor(
            sp.GetRequiredService<CatalogueDbContext>(), sp.GetRequiredService<CatalogueWriteGate>(),
            sp.GetRequiredService<CatalogueEvents>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped(sp => new ServiceEditor(
            sp.GetRequiredService<CatalogueDbContext>(), sp.GetRequiredService<CatalogueWriteGate>(),
            sp.GetRequiredService<ExposureBuilder>(), sp.GetRequiredService<CatalogueEvents>(), sp.GetRequiredService<TimeProvider>()));

        // Proxy
        services.AddSingleton<UpstreamSecrets>();
        services.AddSingleton<UpstreamCredentialStore>();
        services.AddSingleton<ProxyConfigFactory>();
        services.AddSingleton<CatalogueProxyConfigProvider>();
        services.AddSingleton<ProxyErrorResponses>();
        services.AddSingleton<ServiceQuotas>();
        services.AddReverseProxy()
            .AddTransforms<CookieConfinement>()
            .AddTransforms<UpstreamCredentialTransformProvider>()
            .AddTransforms<ForwardedIdentityTransformProvider>();
        services.AddSingleton<Yarp.ReverseProxy.Configuration.IProxyConfigProvider>(sp => sp.GetRequiredService<CatalogueProxyConfigProvider>());
        services.AddSingleton<IForwarderHttpClientFactory, SharedForwarderHttpClientFactory>();
        services.AddSingleton<RouteAccess>();

        // Health
        services.AddSingleton<ProbeHistory>();
        services.AddSingleton<SharedProber>();
        services.AddHostedService(sp => sp.GetRequiredService<SharedProber>());
        services.AddSingleton<ServiceHealthBoard>();
        services.AddSingleton<ServiceHealthPolicy>();
        services.AddSingleton<IActiveHealthCheckPolicy>(sp => sp.GetRequiredService<ServiceHealthPolicy>());
        services.AddHostedService<ServiceHealthMonitor>();
        services.AddHostedService<ServiceHealthRecorder>();
        services.AddHealthChecks().AddCheck<CatalogueLoadedCheck>("catalogue", tags: [HealthTags.Ready]);
        return builder;
    }

    public static IEndpointRouteBuilder MapCatalogue(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPortal().MapCatalogueApi();

        var admin = endpoints.MapAdminGroup();
        admin.MapAgencyAdminApi();
        admin.MapServiceAdminApi();

        var errors = endpoints.ServiceProvider.GetRequiredService<ProxyErrorResponses>();
        var access = endpoints.ServiceProvider.GetRequiredService<RouteAccess>();
        var quotas = endpoints.ServiceProvider.GetRequiredService<ServiceQuotas>();
        endpoints.MapReverseProxy(proxy =>
        {
            proxy.Use(errors.InvokeAsync);
            proxy.Use(access.InvokeAsync);
            proxy.Use(quotas.InvokeAsync);
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        }).WithMetadata(PassThroughEndpoint.Instance);
        return endpoints;
    }

    private sealed class CatalogueLoadedCheck(CatalogueState state) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(state.IsLoaded
                ? HealthCheckResult.Healthy($"{state.Current.Services.Count} services, loaded {state.Current.LoadedAt:O}")
                : HealthCheckResult.Unhealthy("catalogue not loaded yet"));
    }
}
