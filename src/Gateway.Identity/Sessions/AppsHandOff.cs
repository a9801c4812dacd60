using Gateway.Identity.Accounts;
using Gateway.Platform.Edge;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Gateway.Platform.Security;
using Gateway.Web.Frame;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Gateway.Identity.Sessions;

/// <summary>
/// Signing in to protected agency apps opened in a browser. The apps origin has no sign-in page and
/// never sees the portal's cookie; a person sent to sign in goes to the portal, which (once they are
/// signed in there) sends them back with a one-minute ticket. The apps origin turns the ticket into its
/// own cookie — which the proxy removes before any request reaches an agency app.
/// </summary>
internal static class AppsHandOff
{
    /// <summary>On the apps origin: redeems a ticket. The leading dot keeps it out of every agency's path prefix.</summary>
    public const string ArrivalPath = "/.satupintu/masuk";

    /// <summary>On the apps origin: ends the apps session, then shows the portal's signed-out page.</summary>
    public const string LeavePath = "/.satupintu/keluar";

    private static readonly BilingualText Expired = new(
        "Tautan masuk ini sudah kedaluwarsa atau sudah dipakai. Buka lagi layanannya.",
        "This sign-in link has expired or was already used. Open the service again.");

    public static void MapAppsHandOff(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPortal().MapGet(SignInPaths.AppsHandOff, DepartAsync)
            .RequireAuthorization(IdentityModule.SessionPolicy).ExcludeFromDescription();
        var apps = endpoints.MapApps().ExcludeFromDescription();
        apps.MapGet(ArrivalPath, ArriveAsync);
        apps.MapGet(LeavePath, LeaveAsync);
    }

    private static async Task<IResult> DepartAsync(string? kembali, HttpContext context, UserManager<GatewayUser> users, AppsTickets tickets, IOptions<EdgeOptions> edge)
    {
        var user = await users.GetUserAsync(context.User);
        if (user is null)
        {
            return Results.Redirect("/akun/masuk");
        }

        var path = LanguageSwitch.IsLocal(kembali) ? kembali! : "/";
        var ticket = tickets.Issue(user.Id, user.SecurityStamp ?? string.Empty, path);
        return Results.Redirect(EdgeOrigins.UrlOn(context.Request, edge.Value.Hosts.Apps, $"{ArrivalPath}?tiket={Uri.EscapeDataString(ticket)}"));
    }

    private static async Task<IResult> ArriveAsync(string? tiket, HttpContext context, AppsTickets tickets, UserManager<GatewayUser> users, SignInManager<GatewayUser> signIns)
    {
        if (tickets.Redeem(tiket) is not var (userId, stamp, path)
            || await users.FindByIdAsync(userId.ToString()) is not { } user
            || user.SecurityStamp != stamp
            || await users.IsLockedOutAsync(user))
        {
            return Problems.Result(ProblemKind.Unauthorized, Expired);
        }

        var principal = await signIns.CreateUserPrincipalAsync(user);
        await context.SignInAsync(SignOnSchemes.AppsSession, principal);
        return Results.LocalRedirect(path);
    }

    private static async Task<IResult> LeaveAsync(HttpContext context, IOptions<EdgeOptions> edge)
    {
        await context.SignOutAsync(SignOnSchemes.AppsSession);
        return Results.Redirect(EdgeOrigins.UrlOn(context.Request, edge.Value.Hosts.Portal, "/akun/keluar?selesai=true"));
    }
}
