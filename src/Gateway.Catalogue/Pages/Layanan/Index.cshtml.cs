using Gateway.Catalogue.Portal;
using Gateway.Catalogue.PublicApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using static Gateway.Web.Frame.Text;

namespace Gateway.Catalogue.Pages.Layanan;

/// <summary>Search results: <c>/layanan?q=akte+kelahran&amp;kategori=kependudukan&amp;halaman=2</c>.</summary>
[OutputCache(PolicyName = PortalPageCache.Policy)]
public sealed class SearchModel(PortalCatalogue catalogue) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "kategori")]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true, Name = "halaman")]
    public int Number { get; set; } = 1;

    public ServicePage Results { get; private set; } = new(0, 1, PageSize, []);
    public string? Error { get; private set; }
    public string Heading { get; private set; } = "";
    public int PageCount => (Results.Total + PageSize - 1) / PageSize;

    public IActionResult OnGet()
    {
        Heading = Category is not null && catalogue.CategoriesInUse().FirstOrDefault(c => c.Code == Category) is { } category
            ? category.Label
            : string.IsNullOrWhiteSpace(Q) ? T("Semua layanan", "All services") : T($"Hasil pencarian “{Q}”", $"Results for “{Q}”");
        if (Q is { Length: > 200 })
        {
            Error = T("Kata kunci terlalu panjang (maksimal 200 karakter).", "The search text is too long (200 characters at most).");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (Category is not null && !PortalCatalogue.HasCategory(Category))
        {
            Category = null; // an old or mistyped link still finds services rather than failing
        }

        Results = catalogue.Search(Q, Category, Math.Max(1, Number), PageSize);
        return Page();
    }

    public string PageLink(int page) =>
        "/layanan?" + string.Join("&", new[] { ("q", Q), ("kategori", Category), ("halaman", page.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
            .Where(p => !string.IsNullOrEmpty(p.Item2))
            .Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));
}
