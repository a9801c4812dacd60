using Gateway.Catalogue.Portal;
using Gateway.Catalogue.PublicApi;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gateway.Catalogue.Pages.Layanan;

/// <summary>The portal's home: search, categories, popular services and any service that is down now.</summary>
[OutputCache(PolicyName = PortalPageCache.Policy)]
public sealed class HomeModel(PortalCatalogue catalogue) : PageModel
{
    public IReadOnlyList<CategorySummary> Categories { get; private set; } = [];
    public IReadOnlyList<ServiceSummary> Popular { get; private set; } = [];
    public IReadOnlyList<ServiceSummary> Unavailable { get; private set; } = [];

    public void OnGet()
    {
        Categories = catalogue.CategoriesInUse();
        Popular = catalogue.Popular(6);
        Unavailable = catalogue.Unavailable(10);
    }
}
