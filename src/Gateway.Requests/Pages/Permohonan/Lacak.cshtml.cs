using Gateway.Requests.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static Gateway.Web.Frame.Text;

namespace Gateway.Requests.Pages.Permohonan;

/// <summary>
/// <c>/lacak</c>: a request's status without signing in, the same minimal view as <c>GET /api/track</c>.
/// A form post, so the NIK ending stays out of addresses, history and logs; the look-ups share the API's
/// per-address budget (<c>RateLimits:TrackPerAddress</c>, on the posts only: see the module).
/// </summary>
public sealed class TrackModel(RequestReads reads) : PageModel
{
    [BindProperty]
    public string? Nomor { get; set; }

    [BindProperty]
    public string? Nik4 { get; set; }

    public string? NomorError { get; private set; }
    public string? Nik4Error { get; private set; }
    public bool Unknown { get; private set; }
    public PublicTrackingView? Result { get; private set; }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        Nomor = Nomor?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(Nomor))
        {
            NomorError = T("Isi nomor pelacakan.", "Enter the tracking number.");
        }

        if (!RequestReads.IsNikEnding(Nik4?.Trim()))
        {
            Nik4Error = T("Isi 4 angka terakhir NIK pemohon.", "Enter the last 4 digits of the applicant's NIK.");
        }

        if (NomorError is not null || Nik4Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Result = await reads.TrackAsync(Nomor!, Nik4!.Trim(), cancellationToken);
        Unknown = Result is null;
    }
}
