using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Web.Frame;

/// <summary>
/// A rate limit on a page's form posts only: reading the form stays free, sending it counts. Razor Pages
/// put one endpoint per page, so the page gets a second one for POST that carries the limit.
/// </summary>
public static class PageLimits
{
    public static Action<PageRouteModel> LimitPosts(string policy) => model =>
    {
        foreach (var reading in model.Selectors.ToList())
        {
            var posting = new SelectorModel(reading);
            posting.EndpointMetadata.Add(new HttpMethodMetadata(["POST"]));
            posting.EndpointMetadata.Add(new EnableRateLimitingAttribute(policy));
            reading.EndpointMetadata.Add(new HttpMethodMetadata(["GET", "HEAD"]));
            model.Selectors.Add(posting);
        }
    };
}
