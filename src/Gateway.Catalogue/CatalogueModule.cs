using Gateway.Catalogue.Admin;
using Gateway.Catalogue.Editing;
using Gateway.Catalogue.Events;
using Gateway.Catalogue.Health;
using Gateway.Catalogue.Persistence;
using Gateway.Catalogue.Portal;
using Gateway.Catalogue.PublicApi;
using Gateway.Catalogue.Search;
using Gateway.Catalogue.Snapshot;
using Gateway.Platform.Agencies;
using Gateway.Platform.Catalogue;
using Gateway.Platform.Database;
using Gateway.Platform.Edge;
using Gateway.Platform.Security;
using Gateway.Web.Frame;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

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
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // Snapshot and editing
        services.AddSingleton<CatalogueState>();
        services.AddSingleton<CataloguePublication>();
        services.AddSingleton<CatalogueSearchIndex>();
        services.AddSingleton<IAgencyDirectory, CatalogueAgencyDirectory>();
        services.AddSingleton<IServiceDirectory, CatalogueServiceDirectory>();
        services.AddHostedService<CatalogueRefresher>();
        services.AddSingleton<CatalogueWriteGate>();
        services.AddScoped<ExposureBuilder>();
        services.AddScoped<Health.HealthHistory>();
        services.AddSingleton<CatalogueEvents>();
        services.AddSingleton<CatalogueAudit>();
        services.AddScoped(sp => new AgencyEditor(
            sp.GetRequiredService<CatalogueDbContext>(), sp.GetRequiredService<CatalogueWriteGate>(),
            sp.GetRequiredService<CatalogueEvents>(), sp.GetRequiredService<CatalogueAudit>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped(sp => new ServiceImporter(
            sp.GetRequiredService<CatalogueDbContext>(), sp.GetRequiredService<CatalogueWriteGate>(),
            sp.GetRequiredService<ExposureBuilder>(), sp.GetRequiredService<CatalogueEvents>(), sp.GetRequiredService<CatalogueAudit>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ServiceImporter>>()));
        services.AddScoped(sp => new ServiceEditor(
            sp.GetRequiredService<CatalogueDbContext>(), sp.GetRequiredService<CatalogueWriteGate>(),
            sp.GetRequiredService<ExposureBuilder>(), sp.GetRequiredService<CatalogueEvents>(), sp.GetRequiredService<CatalogueAudit>(),
            sp.GetRequiredService<TimeProvider>()));

        // Upstream secrets are encrypted here, decrypted by the proxy; the stored health of services is ours.
        services.TryAddSingleton<UpstreamSecrets>();
        services.AddSingleton<HealthVersion>();
        services.AddSingleton<IServiceHealthStore>(sp => new StoredServiceHealth(
            sp.GetRequiredService<CatalogueEvents>(), sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<HealthVersion>()));
        // The portal's catalogue pages (home, search, a service's page), on the people-facing origin.
        services.AddSingleton(sp => new PortalCatalogue(
            sp.GetRequiredService<CatalogueState>(), sp.GetRequiredService<CatalogueSearchIndex>(),
            sp.GetRequiredService<IServiceHealthBoard>(), sp.GetRequiredService<IServiceDirectory>(), sp.GetService<IServiceDemand>(),
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddOutputCache(PortalPageCache.AddPolicy);
        var hosts = PageHosts.Configured(builder.Configuration);
        services.AddRazorPages(pages => pages.Conventions.AddFolderRouteModelConvention("/Layanan", PageHosts.OnHost(hosts.Portal)))
            .AddApplicationPart(typeof(CatalogueModule).Assembly);

        services.AddHealthChecks().AddCheck<CatalogueLoadedCheck>("catalogue", tags: [HealthTags.Ready]);
        return builder;
    }

    public static IEndpointRouteBuilder MapCatalogue(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPortal().MapCatalogueApi();

        var admin = endpoints.MapAdminGroup();
        admin.MapAgencyAdminApi();
        admin.MapServiceAdminApi();
        admin.MapServiceImportApi();
        admin.MapHealthHistoryApi();
        endpoints.MapAdministration().MapAgencyHealthApi();

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
