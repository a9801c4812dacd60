using Gateway.Platform.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Gateway.Identity.Pages.Staf;

/// <summary>The administration origin's start page (the console to come links from here).</summary>
public sealed class StaffHomeModel : PageModel
{
    public string Name => User.FindFirst(Claims.Name)?.Value ?? string.Empty;

    public string Role => User.IsInRole(Roles.Admin) ? Roles.Admin
        : User.FindFirst(GatewayClaims.Agency)?.Value is { } agency ? $"{Roles.Officer} · {agency}" : Roles.Officer;
}
