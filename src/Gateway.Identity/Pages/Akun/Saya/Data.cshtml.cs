using Gateway.Identity.Accounts;
using Gateway.Identity.DataAccess;
using Gateway.Platform.Calendar;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Gateway.Identity.Pages.Akun.Saya;

/// <summary>
/// "Who used my data": the resident's own view of the audit trail — which agency's officer or which app read
/// or changed their data, about which request, when, and what an officer did for them at a counter.
/// </summary>
public sealed class MyDataModel(UserManager<GatewayUser> users, DataAccessLog log, IOptions<CityCalendarOptions> calendar) : PageModel
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(calendar.Value.TimeZone);

    public IReadOnlyList<DataAccessEntry> Entries { get; private set; } = [];

    public string LocalTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, _zone).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.CurrentCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        Entries = await log.ForAsync(account.Id, cancellationToken);
        return Page();
    }
}
