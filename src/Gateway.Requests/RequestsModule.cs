using Gateway.Adapters.Sdk.Contract;
using Gateway.Messaging.Bus;
using Gateway.Platform.Agencies;
using Gateway.Platform.Database;
using Gateway.Platform.Edge;
using Gateway.Platform.Edge.Outbound;
using Gateway.Platform.Edge.RateLimits;
using Gateway.Platform.Security;
using Gateway.Requests.Adapters;
using Gateway.Requests.Api;
using Gateway.Requests.Dispatch;
using Gateway.Requests.Persistence;
using Gateway.Requests.Portal;
using Gateway.Requests.Satisfaction;
using Gateway.Requests.Submitting;
using Gateway.Requests.Tracking;
using Gateway.Web.Frame;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Gateway.Requests;

/// <summary>The service-requests module: one call to register it, one to map it, one for its consumer.</summary>
public static class RequestsModule
{
    public const string DatabaseName = "requests";

    /// <summary>The portal's pages: a citizen signed in to Portal Warga, the <c>portal-warga</c> client (anyone else is sent to sign in).</summary>
    private const string PortalCitizen = "requests.portal-citizen";

    public static IHostApplicationBuilder AddRequests(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDatabase<RequestsDbContext, SqliteRequestsDbContext, PostgresRequestsDbContext>(DatabaseName);
        var services = builder.Services;
        services.AddOptions<RequestOptions>().BindConfiguration(RequestOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RequestMetrics>();
        services.TryAddSingleton<UpstreamSecrets>();
        services.AddSingleton<AdapterConnections>();
        services.AddHttpClient(AdapterConnections.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // Adapter addresses come from the catalogue: the same outbound rules as the proxy's, at connect time.
                ConnectCallback = sp.GetRequiredService<OutboundGuard>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{RequestOptions.Section}:{nameof(RequestOptions.CivilRegistryService)}"]))
        {
            services.AddTransient<ICivilRegistry, RemoteCivilRegistry>();
        }

        services.AddSingleton<StatusRecorder>();
        services.AddScoped<RequestSubmitter>();
        services.AddScoped<RequestDispatcher>();
        services.AddSingleton<Documents.DocumentStore>();
        services.AddScoped<Documents.DocumentDelivery>();
        services.AddSingleton<DispatchSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<DispatchSweeper>());
        services.AddSingleton<StatusPoller>();
        services.AddHostedService(sp => sp.GetRequiredService<StatusPoller>());
        services.AddSingleton<OverdueDetector>();
        services.AddHostedService(sp => sp.GetRequiredService<OverdueDetector>());

        // Reads shared by the API and the portal's pages (my requests, a request, public tracking).
        services.AddScoped(sp => new RequestReads(
            sp.GetRequiredService<RequestsDbContext>(), sp.GetRequiredService<IServiceDirectory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped(sp => new DocumentIntake(
            sp.GetRequiredService<RequestsDbContext>(), sp.GetRequiredService<Documents.DocumentStore>(), sp.GetRequiredService<AdapterConnections>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RequestOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddScoped(sp => new SurveyAnswers(sp.GetRequiredService<RequestsDbContext>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped(sp => new PortalApplications(
            sp.GetRequiredService<RequestsDbContext>(), sp.GetRequiredService<IServiceDirectory>(), sp.GetRequiredService<RequestSubmitter>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IServiceDemand, ServiceDemand>();
        var hosts = PageHosts.Configured(builder.Configuration);
        services.AddRazorPages(pages =>
            {
                pages.Conventions.AddFolderRouteModelConvention("/Permohonan", PageHosts.OnHost(hosts.Portal));
                pages.Conventions.AddPageRouteModelConvention("/Permohonan/Lacak", PageLimits.LimitPosts(RateLimitPolicies.Track));
                pages.Conventions.AuthorizeFolder("/Permohonan", PortalCitizen).AllowAnonymousToPage("/Permohonan/Lacak");
            })
            .AddApplicationPart(typeof(RequestsModule).Assembly);
        services.AddAuthorizationBuilder().AddPolicy(PortalCitizen, p => p.AddAuthenticationSchemes(SignOnSchemes.Portal).RequireRole(Roles.Citizen));
        return builder;
    }

    public static IEndpointRouteBuilder MapRequests(this IEndpointRouteBuilder endpoints)
    {
        var portal = endpoints.MapPortal();
        portal.MapRequestApi();
        portal.MapDocumentApi();
        portal.MapSatisfactionApi();
        portal.MapPublicTrackingApi();
        endpoints.MapAdministration().MapAgencyRequestApi();
        endpoints.MapAdminGroup().MapRequestAdminApi();
        return endpoints;
    }

    /// <summary>Files each submitted request with its agency's adapter as soon as it is published.</summary>
    public static EventConsumers AddRequestConsumers(this EventConsumers consumers) =>
        consumers.Shared<RequestSubmittedConsumer>();
}
