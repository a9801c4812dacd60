using Gateway.Platform.Edge;
using Gateway.Web.Frame;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gateway.Web;

/// <summary>
/// Razor Pages for every module that has pages, and the frame they share. Modules add their own pages
/// (<c>AddRazorPages(…).AddApplicationPart(…)</c>, each folder on one origin with <see cref="PageHosts"/>);
/// the pages of all modules are mapped here once.
/// </summary>
public static class WebModule
{
    public static IHostApplicationBuilder AddWebPages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorPages().AddApplicationPart(typeof(WebModule).Assembly);
        builder.Services.AddSingleton<CityTime>();
        return builder;
    }

    public static IEndpointRouteBuilder MapWebPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRazorPages();
        var portal = endpoints.MapPortal();
        var administration = endpoints.MapAdministration();
        portal.MapLanguageSwitch();
        administration.MapLanguageSwitch();
        portal.MapStylesheet();
        administration.MapStylesheet();
        return endpoints;
    }
}
