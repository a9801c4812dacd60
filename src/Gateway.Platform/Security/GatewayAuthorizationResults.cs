using Gateway.Platform.Edge;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Gateway.Platform.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Gateway.Platform.Security;

/// <summary>
/// What a refused request gets. A person's browser opening a protected agency app is sent to the
/// sign-in page and back; an API call or an app gets 401/403 problem+json in its language, with
/// <c>WWW-Authenticate: Bearer</c>. The gateway's own pages keep their cookie's redirect. One answer,
/// whichever schemes a policy names (each scheme's own challenge would write its own, conflicting one).
/// </summary>
internal sealed class GatewayAuthorizationResults(Microsoft.Extensions.Options.IOptions<EdgeOptions> edge) : IAuthorizationMiddlewareResultHandler
{

    private static readonly BilingualText SignIn = new(
        "Masuk dengan akun SatuPintu, atau kirim access token pada header Authorization: Bearer.",
        "Sign in with a SatuPintu account, or send an access token in the Authorization: Bearer header.");

    private static readonly BilingualText BadToken = new(
        "Access token tidak valid atau kedaluwarsa; minta token baru.",
        "The access token is invalid or has expired; get a new one.");

    private static readonly BilingualText BadAdminKey = new(
        "Kunci admin salah, atau dikirim dari luar server (kunci admin hanya untuk bootstrap, dari localhost).",
        "The admin key is wrong, or was sent from off the server (the admin key is for bootstrap only, from localhost).");

    private static readonly BilingualText NotYours = new(
        "Akun atau aplikasi Anda tidak berhak atas layanan ini.",
        "Your account or app is not allowed to use this service.");

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Succeeded || IsOwnPage(context))
        {
            await _default.HandleAsync(next, context, policy, result);
            return;
        }

        if (result.Challenged)
        {
            if (PassThroughEndpoint.IsPassThrough(context) && IsBrowserNavigation(context.Request))
            {
                // The apps origin has no sign-in of its own: the portal signs the person in and hands them back.
                var back = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                context.Response.Redirect(EdgeOrigins.UrlOn(context.Request, edge.Value.Hosts.Portal,
                    $"{SignInPaths.AppsHandOff}?kembali={Uri.EscapeDataString(back)}"));
                return;
            }

            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"SatuPintu\"";
            var detail = context.Request.Headers.ContainsKey(AdminKeyOptions.HeaderName) ? BadAdminKey
                : context.Request.Headers.ContainsKey(HeaderNames.Authorization) ? BadToken
                : SignIn;
            await Problems.Problems.WriteAsync(context, () => Problems.Problems.Create(ProblemKind.Unauthorized, detail));
            return;
        }

        var why = result.AuthorizationFailure?.FailureReasons.OfType<NikNotVerified>().Any() == true ? NikAssurance.NotVerified : NotYours;
        await Problems.Problems.WriteAsync(context, () => Problems.Problems.Create(ProblemKind.Forbidden, why));
    }

    /// <summary>The gateway's own pages (portal and staff): their cookie redirects to their sign-in page, as it should.</summary>
    private static bool IsOwnPage(HttpContext context) =>
        !PassThroughEndpoint.IsPassThrough(context)
        && !context.Request.Path.StartsWithSegments("/api")
        && !context.Request.Path.StartsWithSegments("/connect");

    private static bool IsBrowserNavigation(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Headers.ContainsKey(HeaderNames.Authorization)
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
