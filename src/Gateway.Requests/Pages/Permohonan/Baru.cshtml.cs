using Gateway.Requests.Portal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static Gateway.Web.Frame.Text;

namespace Gateway.Requests.Pages.Permohonan;

/// <summary>
/// <c>/permohonan/baru/{slug}</c>: the service's form, rendered from its JSON Schema; errors next to each
/// field and summarised on top; "save draft" keeps the answers until they are submitted; a key given with
/// the form makes a repeated submit file one request.
/// </summary>
public sealed class ApplyModel(PortalApplications applications) : PageModel
{
    public string Slug { get; private set; } = "";
    public ApplicationForm? Form { get; private set; }
    public IReadOnlyDictionary<string, string> Answers { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> FieldErrors { get; private set; } = new Dictionary<string, string>();
    public string? Problem { get; private set; }
    public string? Notice { get; private set; }
    public string Key { get; private set; } = Guid.NewGuid().ToString();

    public async Task OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (Load(slug) is { } form)
        {
            Answers = await applications.DraftAsync(User, slug, cancellationToken);
            if (Answers.Count > 0)
            {
                Notice = T("Draf Anda yang tersimpan sudah diisikan.", "Your saved draft has been filled in.");
            }
        }
    }

    public async Task<IActionResult> OnPostAsync(string slug, [FromForm(Name = "a")] Dictionary<string, string?>? a, string? key, CancellationToken cancellationToken)
    {
        if (Load(slug) is not { } form)
        {
            return Page();
        }

        Answers = Given(a);
        Key = string.IsNullOrWhiteSpace(key) ? Key : key;
        var outcome = await applications.SubmitAsync(User, form, Answers, Key, cancellationToken);
        if (outcome.TrackingNumber is { } tracking)
        {
            return RedirectToPage("/Permohonan/Rincian", new { trackingNumber = tracking, baru = 1 });
        }

        FieldErrors = outcome.FieldErrors;
        Problem = outcome.Problem;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostDraftAsync(string slug, [FromForm(Name = "a")] Dictionary<string, string?>? a, string? key, CancellationToken cancellationToken)
    {
        if (Load(slug) is not { } form)
        {
            return Page();
        }

        Answers = Given(a);
        Key = string.IsNullOrWhiteSpace(key) ? Key : key;
        await applications.SaveDraftAsync(User, form, Answers, cancellationToken);
        Notice = T("Draf disimpan. Anda dapat melanjutkannya kapan saja dari halaman layanan.", "Draft saved. You can carry on at any time from the service's page.");
        return Page();
    }

    /// <summary>The answers as typed; an empty box binds as null and is simply not answered.</summary>
    private static Dictionary<string, string> Given(Dictionary<string, string?>? answers) =>
        (answers ?? []).Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value!, StringComparer.Ordinal);

    private ApplicationForm? Load(string slug)
    {
        Slug = slug;
        Form = applications.FormFor(slug);
        if (Form is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Form;
    }
}
