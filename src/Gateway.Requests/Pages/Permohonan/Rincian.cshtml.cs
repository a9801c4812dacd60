using Gateway.Requests.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gateway.Requests.Pages.Permohonan;

/// <summary>One of the citizen's requests: where it stands against its deadline and how it got there.</summary>
public sealed class RequestPageModel(RequestReads reads, DocumentIntake intake, Portal.PortalApplications applications, Satisfaction.SurveyAnswers surveys) : PageModel
{
    public RequestView? Found { get; private set; }

    /// <summary>Just submitted (the apply page sends the citizen here): say so, with the number to keep.</summary>
    [BindProperty(SupportsGet = true, Name = "baru")]
    public int? Baru { get; set; }

    public bool JustSubmitted => Baru == 1;

    /// <summary>The form's labels for the answers ("Nama anak" rather than nama_anak), while the service still has its form.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; private set; } = new Dictionary<string, string>();

    public string? UploadError { get; private set; }

    /// <summary>Done, rejected or cancelled: nothing more can be added.</summary>
    public bool IsFinal => Found is { } found && Model.RequestStatuses.IsFinal(found.Status);
    public string? Uploaded { get; private set; }

    public async Task OnGetAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        Found = await reads.OneAsync(User, trackingNumber, cancellationToken);
        if (Found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Labels = applications.FormFor(Found.Service)?.Fields.ToDictionary(f => f.Name, f => f.Label) ?? [];
    }

    /// <summary>A supporting document, through the same intake as the API; the page shows what was taken or why not.</summary>
    public async Task OnPostUploadAsync(string trackingNumber, IFormFile? dokumen, CancellationToken cancellationToken)
    {
        var outcome = await intake.AddAsync(User, trackingNumber, dokumen, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            UploadError = refusal.Message.Localize();
            Response.StatusCode = refusal.Kind.Status is StatusCodes.Status404NotFound or StatusCodes.Status503ServiceUnavailable
                ? refusal.Kind.Status
                : StatusCodes.Status422UnprocessableEntity;
        }
        else
        {
            Uploaded = outcome.Document!.FileName;
        }

        await OnGetAsync(trackingNumber, cancellationToken);
    }

    public IReadOnlyDictionary<string, string[]> SurveyErrors { get; private set; } = new Dictionary<string, string[]>();
    public IReadOnlyDictionary<string, string?> SurveyGiven { get; private set; } = new Dictionary<string, string?>();
    public string? SurveyNotice { get; private set; }
    public bool SurveyTaken { get; private set; }

    /// <summary>The satisfaction survey (PermenPANRB 14/2017), once the request is done: nine scores of 1–4 and a suggestion.</summary>
    public async Task OnPostSurveyAsync(string trackingNumber, [FromForm(Name = "survey")] Dictionary<string, string?>? answers, CancellationToken cancellationToken)
    {
        var given = answers ?? [];
        int? Score(int element) => int.TryParse(given.GetValueOrDefault($"u{element}"), out var score) ? score : null;
        var outcome = await surveys.AnswerAsync(User, trackingNumber,
            new Satisfaction.SurveyInput(Score(1), Score(2), Score(3), Score(4), Score(5), Score(6), Score(7), Score(8), Score(9), given.GetValueOrDefault("suggestion")),
            cancellationToken);
        SurveyTaken = outcome.Taken;
        if (outcome.Taken)
        {
            SurveyNotice = Gateway.Web.Frame.Text.T("Terima kasih atas penilaian Anda.", "Thank you for your rating.");
        }
        else
        {
            SurveyErrors = outcome.Errors;
            SurveyGiven = given;
            SurveyNotice = outcome.Reason?.Localize();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        await OnGetAsync(trackingNumber, cancellationToken);
    }

    public static string ScoreLabel(int score) => score switch
    {
        1 => Gateway.Web.Frame.Text.T("1 · Tidak baik", "1 · Poor"),
        2 => Gateway.Web.Frame.Text.T("2 · Kurang baik", "2 · Fair"),
        3 => Gateway.Web.Frame.Text.T("3 · Baik", "3 · Good"),
        _ => Gateway.Web.Frame.Text.T("4 · Sangat baik", "4 · Very good"),
    };
}
