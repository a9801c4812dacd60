using Gateway.Requests.Portal;
using Gateway.Web.Frame;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static Gateway.Web.Frame.Text;

namespace Gateway.Requests.Pages.Permohonan;

/// <summary>
/// <c>/permohonan/baru/{slug}?bagian=n</c>: the service's form, rendered from its JSON Schema, a part (question
/// group) per page when the form is long. Errors next to each field and summarised on top; each part is checked
/// before the next and kept in the draft (Post/Redirect/Get, so back and reload are safe); "save draft" keeps the
/// answers until they are submitted; a key given with the form makes a repeated submit file one request.
/// </summary>
public sealed class ApplyModel(PortalApplications applications) : PageModel
{
    public string Slug { get; private set; } = "";
    public ApplicationForm? Form { get; private set; }

    /// <summary>Which part is shown, from 1.</summary>
    public int Part { get; private set; } = 1;

    public FormPart Current => Form!.Parts[Part - 1];
    public bool LastPart => Part == Form!.Parts.Count;
    public IReadOnlyDictionary<string, string> Answers { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> FieldErrors { get; private set; } = new Dictionary<string, string>();
    public string? Problem { get; private set; }
    public string? Notice { get; private set; }
    public string Key { get; private set; } = Guid.NewGuid().ToString();

    /// <summary>The errors for the summary on top, each named by its question's label.</summary>
    public ErrorSummary Summary => new(Problem, [.. FieldErrors.Select(e => new ErrorLink(
        "f-" + e.Key, (Form?.Fields.FirstOrDefault(f => f.Name == e.Key)?.Label ?? e.Key) + ": " + e.Value))]);

    public async Task OnGetAsync(string slug, int? bagian, CancellationToken cancellationToken)
    {
        if (Load(slug, bagian) is not null)
        {
            Answers = await applications.DraftAsync(User, slug, cancellationToken);
            if (Answers.Count > 0 && Part == 1)
            {
                Notice = T("Draf Anda yang tersimpan sudah diisikan.", "Your saved draft has been filled in.");
            }
        }
    }

    public async Task<IActionResult> OnPostAsync(
        string slug, int? bagian, [FromForm(Name = "a")] Dictionary<string, string?>? a, string? key, CancellationToken cancellationToken)
    {
        if (Load(slug, bagian) is not { } form)
        {
            return Page();
        }

        Answers = await MergedAsync(form, a, cancellationToken);
        Key = string.IsNullOrWhiteSpace(key) ? Key : key;
        var outcome = await applications.SubmitAsync(User, form, Answers, Key, cancellationToken);
        if (outcome.TrackingNumber is { } tracking)
        {
            return RedirectToPage("/Permohonan/Rincian", new { trackingNumber = tracking, baru = 1 });
        }

        FieldErrors = outcome.FieldErrors;
        Problem = outcome.Problem;
        var atFault = form.Parts.Select((part, index) => (part, index)).FirstOrDefault(p => p.part.Fields.Any(f => FieldErrors.ContainsKey(f.Name)));
        if (atFault.part is not null && atFault.index + 1 != Part)
        {
            // The answer at fault is on another page: show that one, and keep this page's answers meanwhile.
            await applications.SaveDraftAsync(User, form, Answers, cancellationToken);
            Part = atFault.index + 1;
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>This part checked, kept in the draft, and on to the next.</summary>
    public async Task<IActionResult> OnPostNextAsync(
        string slug, int? bagian, [FromForm(Name = "a")] Dictionary<string, string?>? a, CancellationToken cancellationToken)
    {
        if (Load(slug, bagian) is not { } form)
        {
            return Page();
        }

        Answers = await MergedAsync(form, a, cancellationToken);
        FieldErrors = applications.Check(form, Answers, Current);
        if (FieldErrors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        await applications.SaveDraftAsync(User, form, Answers, cancellationToken);
        return RedirectToPage(new { slug, bagian = Math.Min(Part + 1, form.Parts.Count) });
    }

    /// <summary>Back a part: what was typed here is kept (unchecked) in the draft.</summary>
    public async Task<IActionResult> OnPostBackAsync(
        string slug, int? bagian, [FromForm(Name = "a")] Dictionary<string, string?>? a, CancellationToken cancellationToken)
    {
        if (Load(slug, bagian) is not { } form)
        {
            return Page();
        }

        await applications.SaveDraftAsync(User, form, await MergedAsync(form, a, cancellationToken), cancellationToken);
        return RedirectToPage(new { slug, bagian = Math.Max(Part - 1, 1) });
    }

    public async Task<IActionResult> OnPostDraftAsync(
        string slug, int? bagian, [FromForm(Name = "a")] Dictionary<string, string?>? a, string? key, CancellationToken cancellationToken)
    {
        if (Load(slug, bagian) is not { } form)
        {
            return Page();
        }

        Answers = await MergedAsync(form, a, cancellationToken);
        Key = string.IsNullOrWhiteSpace(key) ? Key : key;
        await applications.SaveDraftAsync(User, form, Answers, cancellationToken);
        Notice = T("Draf disimpan. Anda dapat melanjutkannya kapan saja dari halaman layanan.", "Draft saved. You can carry on at any time from the service's page.");
        return Page();
    }

    /// <summary>
    /// The draft (the other parts' answers) with this part's answers as posted: an emptied box or an unticked choice
    /// is no longer answered. An empty box binds as null and is simply not answered.
    /// </summary>
    private async Task<Dictionary<string, string>> MergedAsync(ApplicationForm form, Dictionary<string, string?>? posted, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, string>(await applications.DraftAsync(User, form.Slug, cancellationToken), StringComparer.Ordinal);
        foreach (var field in Current.Fields)
        {
            answers.Remove(field.Name);
            if (posted?.GetValueOrDefault(field.Name) is { } value)
            {
                answers[field.Name] = value;
            }
        }

        return answers;
    }

    private ApplicationForm? Load(string slug, int? part)
    {
        Slug = slug;
        Form = applications.FormFor(slug);
        if (Form is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return null;
        }

        Part = Math.Clamp(part ?? 1, 1, Form.Parts.Count);
        return Form;
    }
}
