using Gateway.Catalogue.Portal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gateway.Catalogue.Pages.Layanan;

/// <summary>A service's page: its full published standard, live status and how to apply.</summary>
[OutputCache(PolicyName = PortalPageCache.Policy)]
public sealed class ServicePageModel(PortalCatalogue catalogue) : PageModel
{
    public PortalService? Service { get; private set; }

    /// <summary>Online applications go through the gateway's request form when the service has one.</summary>
    public bool TakesRequests => Service?.Detail.RequestForm is not null;

    /// <summary>Share of the last 30 days the service was not down; null for counter services and ones never checked.</summary>
    public double? Availability { get; private set; }

    public async Task OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        Service = catalogue.Find(slug);
        if (Service is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound; // the page says so and offers the search
            return;
        }

        Availability = await catalogue.AvailabilityAsync(slug, 30, cancellationToken);
    }
}
