using Gateway.Complaints.Api;
using Gateway.Complaints.Persistence;
using Gateway.Complaints.Progress;
using Gateway.Complaints.Routing;
using Gateway.Platform.Database;
using Gateway.Platform.Edge;
using Gateway.Platform.Edge.RateLimits;
using Gateway.Platform.Security;
using Gateway.Web.Frame;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Gateway.Complaints;

/// <summary>The complaints module: one call to register it, one to map it.</summary>
public static class ComplaintsModule
{
    public const string DatabaseName = "complaints";

    public static IHostApplicationBuilder AddComplaints(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDatabase<ComplaintsDbContext, SqliteComplaintsDbContext, PostgresComplaintsDbContext>(DatabaseName);
        builder.Services.AddOptions<ComplaintOptions>().BindConfiguration(ComplaintOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Rules.All(r => r.Category.Length > 0 && r.AgencyCode.Length > 0), "Every Complaints:Rules entry needs a Category and an AgencyCode.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ComplaintRouter>();
        builder.Services.AddSingleton<ComplaintMoves>();
        builder.Services.AddSingleton<Photos.ComplaintPhotos>();
        builder.Services.AddHostedService<ComplaintOverdueDetector>();
        builder.Services.AddScoped(sp => new ComplaintDesk(
            sp.GetRequiredService<ComplaintsDbContext>(), sp.GetRequiredService<ComplaintMoves>(), sp.GetRequiredService<Photos.ComplaintPhotos>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Messaging.MessagingOptions>>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ComplaintOptions>>(), sp.GetRequiredService<TimeProvider>()));

        // The portal's complaint pages, on the people-facing origin; sending a complaint counts like the API's.
        var hosts = PageHosts.Configured(builder.Configuration);
        builder.Services.AddRazorPages(pages =>
            {
                pages.Conventions.AddFolderRouteModelConvention("/Pengaduan", PageHosts.OnHost(hosts.Portal));
                pages.Conventions.AddPageRouteModelConvention("/Pengaduan/Baru", PageLimits.LimitPosts(RateLimitPolicies.Complaints));
                pages.Conventions.AddPageRouteModelConvention("/Pengaduan/Rincian", PageLimits.LimitPosts(RateLimitPolicies.Complaints));
            })
            .AddApplicationPart(typeof(ComplaintsModule).Assembly);
        return builder;
    }

    public static IEndpointRouteBuilder MapComplaints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPortal().MapComplaintApi();
        endpoints.MapAdministration().MapAgencyComplaintApi();
        endpoints.MapAdminGroup().MapComplaintAdminApi();
        return endpoints;
    }
}
