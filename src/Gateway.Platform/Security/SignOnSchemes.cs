namespace Gateway.Platform.Security;

/// <summary>
/// Names of the authentication schemes single sign-on registers, for modules that name them in their
/// policies without depending on the identity module. The identity module's tests check they match.
/// Each origin has its own cookie, and a policy names the schemes of its origin only: the portal's
/// session never opens the admin API, and no cookie of the gateway's ever opens anything on another origin.
/// </summary>
public static class SignOnSchemes
{
    /// <summary>Bearer access tokens issued by the gateway (OpenIddict's validation, its results cached per token).</summary>
    public const string Bearer = "SatuPintu.Bearer";

    /// <summary>The sign-in cookie of the people-facing origin (ASP.NET Core Identity's application cookie).</summary>
    public const string Session = "Identity.Application";

    /// <summary>
    /// The portal's own session: Portal Warga signs in through SatuPintu as the <c>portal-warga</c> client
    /// (authorization code with PKCE), and keeps who signed in in this cookie. It lives no longer than the
    /// sign-on session it came from: signing out, or "sign out everywhere", ends both.
    /// </summary>
    public const string Portal = "SatuPintu.Portal";

    /// <summary>The OpenID Connect handler that signs the portal in as <c>portal-warga</c> (it challenges for <see cref="Portal"/>).</summary>
    public const string PortalSignIn = "SatuPintu.PortalSignIn";

    /// <summary>The cookie of the apps origin: a person opening a protected agency app in a browser.</summary>
    public const string AppsSession = "SatuPintu.Apps";

    /// <summary>The cookie of the administration origin: staff (officers and administrators), SameSite=Strict.</summary>
    public const string StaffSession = "SatuPintu.Staff";

    /// <summary>
    /// The portal's APIs: a call from a client app with a token, or a browser signed in to the portal. One
    /// scheme that forwards to the right one by the Authorization header, so a request runs one handler and
    /// keeps the (cached) identity object instead of a merge of two.
    /// </summary>
    public const string BearerOrSession = "SatuPintu.BearerOrSession";

    /// <summary>The officers' and administrators' APIs: a token, or staff signed in on the administration origin.</summary>
    public const string BearerOrStaffSession = "SatuPintu.BearerOrStaff";
}
