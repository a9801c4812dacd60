using Gateway.Platform.Edge;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace Gateway.Web.Frame;

/// <summary>Puts a folder of pages on one origin: the pages answer only on that host name (the three origins of docs/security.md).</summary>
public static class PageHosts
{
    /// <summary>The origins' host names (<c>Edge:Hosts</c>), read from configuration while the modules register their pages.</summary>
    public static EdgeHostOptions Configured(IConfiguration configuration) =>
        (configuration.GetSection(EdgeOptions.Section).Get<EdgeOptions>() ?? new EdgeOptions()).Hosts;

    public static Action<PageRouteModel> OnHost(string host) => model =>
    {
        foreach (var selector in model.Selectors)
        {
            selector.EndpointMetadata.Add(new HostAttribute(host));
        }
    };
}
