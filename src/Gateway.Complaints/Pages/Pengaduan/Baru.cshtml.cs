using Gateway.Complaints.Api;
using Gateway.Complaints.Routing;
using Gateway.Contracts.Events.V1;
using Gateway.Platform.Agencies;
using Gateway.Platform.Security;
using Gateway.Web.Frame;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gateway.Complaints.Pages.Pengaduan;

/// <summary>
/// <c>/pengaduan/baru</c>: a complaint, signed in (kept with the account) or anonymous (followed by its code).
/// Through the same desk as <c>POST /api/complaints</c>; sending counts against <c>RateLimits:ComplaintsPerAddress</c>.
/// </summary>
public sealed class NewComplaintModel(ComplaintDesk desk, IServiceDirectory services) : PageModel
{
    // The API's field names, as the desk reports errors, to this form's.
    private static readonly Dictionary<string, string> FieldOf = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Category"] = "kategori",
        ["Subject"] = "judul",
        ["Description"] = "isi",
        ["Location"] = "lokasi",
        ["ReporterContact"] = "kontak",
        ["photo"] = "foto",
    };

    [BindProperty] public string? Kategori { get; set; }
    [BindProperty] public string? Judul { get; set; }
    [BindProperty] public string? Isi { get; set; }
    [BindProperty] public string? Lokasi { get; set; }
    [BindProperty] public string? Kontak { get; set; }
    [BindProperty] public bool Darurat { get; set; }
    [BindProperty] public IFormFile? Foto { get; set; }

    public long PhotoMegabytes => desk.PhotoLimits.MaxBytes / (1024 * 1024);

    public bool SignedIn { get; private set; }
    public IReadOnlyList<ComplaintCategory> Categories => desk.Categories;
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public ErrorSummary Summary => new(null, [.. Errors.Select(e => new ErrorLink(e.Key, string.Join(" ", e.Value)))]);

    /// <summary>For the shared <c>_FieldHelp</c> partial: the field's id, no hint (the form writes its own), its error.</summary>
    public (string Id, string? Hint, string? Error) ErrorFor(string field) => (field, null, Errors.TryGetValue(field, out var errors) ? string.Join(" ", errors) : null);

    public string? Invalid(string field) => Errors.ContainsKey(field) ? "true" : null;

    public string? DescribedBy(string field) => Errors.ContainsKey(field) ? field + "-error" : null;

    /// <param name="layanan">From a service's page: the title starts with the service's name.</param>
    public async Task<IActionResult> OnGetAsync(string? layanan)
    {
        if (await PortalCitizens.ShouldSignInAsync(HttpContext))
        {
            return Challenge(SignOnSchemes.Portal);
        }

        SignedIn = await PortalCitizens.SignedInAsync(HttpContext) is not null;
        if (layanan is not null && services.Find(layanan) is { } service)
        {
            Judul = Text(service.NameId, service.NameEn ?? service.NameId) + ": ";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var citizen = await PortalCitizens.SignedInAsync(HttpContext);
        SignedIn = citizen is not null;
        var input = new ComplaintInput(Kategori, Darurat ? ComplaintClass.Urgent : ComplaintClass.Simple, Judul?.Trim(), Isi?.Trim(), Lokasi?.Trim(),
            SignedIn ? null : Kontak?.Trim());
        if (Kategori is not null && !desk.Categories.Any(c => c.Code == Kategori))
        {
            Kategori = null; // only the offered categories: the form's list is the city's routing vocabulary
            input = input with { Category = null };
        }

        var filing = await desk.FileAsync(input, citizen?.AccountIdOf(), cancellationToken, Foto);
        if (filing.Complaint is { } complaint)
        {
            return Redirect($"/pengaduan/{complaint.Id}?baru=1");
        }

        Errors = filing.Errors.GroupBy(e => FieldOf.GetValueOrDefault(e.Key, e.Key.ToLowerInvariant()))
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray());
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private static string Text(string indonesian, string english) => Gateway.Web.Frame.Text.T(indonesian, english);
}
