using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Web.Frame;

/// <summary>Puts a folder of pages on one origin: the pages answer only on that host name (the three origins of docs/security.md).</summary>
public static class PageHosts
{
    public static Action<PageRouteModel> OnHost(string host) => model =>
    {
        foreach (var selector in model.Selectors)
        {
            selector.EndpointMetadata.Add(new HostAttribute(host));
        }
    };
}
