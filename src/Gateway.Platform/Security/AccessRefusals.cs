using Gateway.Platform.Edge;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Gateway.Platform.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Gateway.Platform.Security;

/// <summary>
/// What a refused request to an API or an agency app gets. A person's browser opening a protected agency
/// app is sent to the sign-in page and back; an API call or an app gets 401/403 problem+json in its
/// language, with <c>WWW-Authenticate: Bearer</c>. Used by the authorization middleware's result handler
/// and by the proxy's own access step, so both answer alike.
/// </summary>
public sealed class AccessRefusals(IOptions<EdgeOptions> edge)
{
    /// <summary>Signed in, but not allowed: the default reason for a 403.</summary>
    public static readonly BilingualText NotYours = new(
        "Akun atau aplikasi Anda tidak berhak atas layanan ini.",
        "Your account or app is not allowed to use this service.");

    private static readonly BilingualText SignIn = new(
        "Masuk dengan akun SatuPintu, atau kirim access token pada header Authorization: Bearer.",
        "Sign in with a SatuPintu account, or send an access token in the Authorization: Bearer header.");

    private static readonly BilingualText BadToken = new(
        "Access token tidak valid atau kedaluwarsa; minta token baru.",
        "The access token is invalid or has expired; get a new one.");

    private static readonly BilingualText BadAdminKey = new(
        "Kunci admin salah, atau dikirim dari luar server (kunci admin hanya untuk bootstrap, dari localhost).",
        "The admin key is wrong, or was sent from off the server (the admin key is for bootstrap only, from localhost).");

    /// <summary>Nobody (or nobody valid) signed in: sign-in for a browser on an agency app, else 401.</summary>
    public Task ChallengeAsync(HttpContext context)
    {
        if (PassThroughEndpoint.IsPassThrough(context) && IsBrowserNavigation(context.Request))
        {
            // The apps origin has no sign-in of its own: the portal signs the person in and hands them back.
            var back = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            context.Response.Redirect(EdgeOrigins.UrlOn(context.Request, edge.Value.Hosts.Portal,
                $"{SignInPaths.AppsHandOff}?kembali={Uri.EscapeDataString(back)}"));
            return Task.CompletedTask;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"SatuPintu\"";
        var detail = context.Request.Headers.ContainsKey(AdminKeyOptions.HeaderName) ? BadAdminKey
            : context.Request.Headers.ContainsKey(HeaderNames.Authorization) ? BadToken
            : SignIn;
        return Problems.Problems.WriteAsync(context, () => Problems.Problems.Create(ProblemKind.Unauthorized, detail));
    }

    /// <summary>Signed in but not allowed, for the reason given (<see cref="NotYours"/> unless more is known).</summary>
    public static Task ForbidAsync(HttpContext context, BilingualText why) =>
        Problems.Problems.WriteAsync(context, () => Problems.Problems.Create(ProblemKind.Forbidden, why));

    private static bool IsBrowserNavigation(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Headers.ContainsKey(HeaderNames.Authorization)
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
