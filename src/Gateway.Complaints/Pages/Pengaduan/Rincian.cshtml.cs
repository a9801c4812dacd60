using Gateway.Complaints.Api;
using Gateway.Platform.Agencies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static Gateway.Web.Frame.Text;

namespace Gateway.Complaints.Pages.Pengaduan;

/// <summary>
/// <c>/pengaduan/{code}</c>: where a complaint went, by when it must be answered, the agency's answer, and
/// reopening it once. The code is the complaint's unguessable id, so the page needs no account.
/// </summary>
public sealed class ComplaintPageModel(ComplaintDesk desk, IAgencyDirectory agencies) : PageModel
{
    public ComplaintStatusView? Complaint { get; private set; }
    public string? AgencyName { get; private set; }
    public string? Notice { get; private set; }
    public string? ReasonError { get; private set; }
    public string? Alasan { get; private set; }

    [BindProperty(SupportsGet = true, Name = "baru")]
    public int? Baru { get; set; }

    public bool JustFiled => Baru == 1;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Complaint = await desk.FindAsync(id, cancellationToken);
        if (Complaint is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        AgencyName = Complaint.AgencyCode is { } code ? agencies.NameOf(code) : null;
    }

    public async Task OnPostAsync(Guid id, string? alasan, CancellationToken cancellationToken)
    {
        var reopening = await desk.ReopenAsync(id, alasan, cancellationToken);
        if (reopening.Complaint is not null)
        {
            Notice = T("Pengaduan dibuka kembali dan diteruskan lagi ke instansi.", "The complaint is reopened and back with the agency.");
        }
        else
        {
            Alasan = alasan;
            ReasonError = reopening.Errors.GetValueOrDefault("reason") is { } errors ? string.Join(" ", errors) : reopening.Reason?.Localize();
            Response.StatusCode = reopening.Refusal == Platform.Problems.ProblemKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status422UnprocessableEntity;
        }

        await OnGetAsync(id, cancellationToken);
    }
}
