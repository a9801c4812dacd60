using Gateway.Complaints.Api;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static Gateway.Web.Frame.Text;

namespace Gateway.Complaints.Pages.Pengaduan;

/// <summary><c>/pengaduan</c>: make a complaint, follow one by its code, and (signed in) one's own complaints.</summary>
public sealed class ComplaintsHomeModel(ComplaintDesk desk) : PageModel
{
    public string? Code { get; private set; }
    public string? CodeError { get; private set; }

    /// <summary>Null when nobody is signed in.</summary>
    public IReadOnlyList<ComplaintStatusView>? Mine { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await PortalCitizens.ShouldSignInAsync(HttpContext))
        {
            return Challenge(SignOnSchemes.Portal);
        }

        await LoadMineAsync(cancellationToken);
        return Page();
    }

    /// <summary><c>/pengaduan?handler=Follow&amp;kode=…</c>: to the complaint's page, or back here saying what is wrong with the code.</summary>
    public async Task<IActionResult> OnGetFollowAsync(string? kode, CancellationToken cancellationToken)
    {
        Code = kode?.Trim();
        if (Guid.TryParse(Code, out var id) && await desk.FindAsync(id, cancellationToken) is not null)
        {
            return Redirect($"/pengaduan/{id}");
        }

        CodeError = string.IsNullOrEmpty(Code)
            ? T("Isi kode pelacakan.", "Enter the tracking code.")
            : T("Tidak ada pengaduan dengan kode itu. Periksa kembali kodenya.", "There is no complaint with that code. Check the code again.");
        Response.StatusCode = StatusCodes.Status404NotFound;
        await LoadMineAsync(cancellationToken);
        return Page();
    }

    private async Task LoadMineAsync(CancellationToken cancellationToken)
    {
        if (await PortalCitizens.SignedInAsync(HttpContext) is { } citizen)
        {
            Mine = await desk.MineAsync(citizen, cancellationToken);
        }
    }
}
