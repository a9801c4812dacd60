using Gateway.Identity.Notices;
using Gateway.Platform.Notices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gateway.Identity.Pages.Akun.Saya;

/// <summary><c>/akun/pemberitahuan</c>: news of the citizen's requests and complaints, the same list as the e-mails and SMS.</summary>
public sealed class NoticesModel(NoticeReads notices) : PageModel
{
    private const int MaxItems = 100;

    public NoticeList Notices { get; private set; } = new(0, []);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Notices = await notices.ListAsync(User, MaxItems, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await notices.MarkReadAsync(User, cancellationToken);
        return RedirectToPage();
    }

    /// <summary>Where the notice's subject is read: the request's page, or the complaint's.</summary>
    public static string LinkTo(NoticeView notice) =>
        notice.Topic == NoticeTopics.Complaint ? $"/pengaduan/{Uri.EscapeDataString(notice.Reference)}" : $"/permohonan/{Uri.EscapeDataString(notice.Reference)}";
}
