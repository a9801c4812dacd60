using Gateway.Requests.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gateway.Requests.Pages.Permohonan;

/// <summary>The signed-in citizen's requests, newest first, with their deadlines (overdue ones marked).</summary>
public sealed class MyRequestsModel(RequestReads reads) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "halaman")]
    public int Number { get; set; } = 1;

    public ListPage<RequestSummary> Requests { get; private set; } = new(0, 1, PageSize, []);
    public int PageCount => (Requests.Total + PageSize - 1) / PageSize;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Requests = await reads.MineAsync(User, Math.Max(Number, 1), PageSize, cancellationToken);
}
