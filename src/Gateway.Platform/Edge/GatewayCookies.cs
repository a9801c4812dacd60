using Microsoft.AspNetCore.Http;

namespace Gateway.Platform.Edge;

/// <summary>
/// Every cookie the gateway itself sets, named once. They all start with <c>satupintu.</c> (behind HTTPS
/// with the <c>__Host-</c> prefix, which browsers only accept host-only, <c>Secure</c> and on <c>/</c>), so
/// the proxy can remove every one of them from requests to agency apps and refuse an agency app's attempt
/// to set one.
/// </summary>
public static class GatewayCookies
{
    public const string Prefix = "satupintu.";

    /// <summary>Signed in to the people-facing origin (sign-in, account, portal).</summary>
    public const string Session = "satupintu.session";

    /// <summary>Portal Warga's session, opened by signing in as the <c>portal-warga</c> client.</summary>
    public const string Portal = "satupintu.portal";

    /// <summary>The correlation and nonce cookies of a portal sign-in under way (a suffix follows).</summary>
    public const string PortalSignIn = "satupintu.portal-signin";

    /// <summary>Signed in on the apps origin, for protected agency apps opened in a browser.</summary>
    public const string Apps = "satupintu.apps";

    /// <summary>Staff signed in on the administration origin (SameSite=Strict).</summary>
    public const string Staff = "satupintu.staff";

    public const string Antiforgery = "satupintu.antiforgery";
    public const string Language = "satupintu.lang";
    public const string TempData = "satupintu.tempdata";
    public const string External = "satupintu.external";
    public const string TwoFactor = "satupintu.2fa";
    public const string TwoFactorRemember = "satupintu.2fa-remember";

    private const string HostPrefix = "__Host-";
    private const string SecurePrefix = "__Secure-";

    /// <summary>The name on the wire: with <c>__Host-</c> unless plain HTTP is allowed.</summary>
    public static string Name(string baseName, bool allowHttp) => allowHttp ? baseName : HostPrefix + baseName;

    /// <summary>A cookie of the gateway's (or of ASP.NET Core's defaults, in case one slips through unnamed).</summary>
    public static bool IsGatewayCookie(ReadOnlySpan<char> name)
    {
        if (name.StartsWith(HostPrefix, StringComparison.OrdinalIgnoreCase))
        {
            name = name[HostPrefix.Length..];
        }
        else if (name.StartsWith(SecurePrefix, StringComparison.OrdinalIgnoreCase))
        {
            name = name[SecurePrefix.Length..];
        }

        return name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            || name.StartsWith(".AspNetCore.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Names, <c>Secure</c> and <c>HttpOnly</c> a gateway cookie consistently.</summary>
    public static void Apply(CookieBuilder cookie, string baseName, EdgeOptions edge, SameSiteMode sameSite = SameSiteMode.Lax)
    {
        cookie.Name = Name(baseName, edge.AllowHttp);
        cookie.HttpOnly = true;
        cookie.Path = "/";
        cookie.Domain = null;
        cookie.SameSite = sameSite;
        cookie.SecurePolicy = edge.AllowHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        cookie.IsEssential = true;
    }

    /// <summary>The same, for cookies written by hand.</summary>
    public static CookieOptions Options(EdgeOptions edge, HttpRequest request, TimeSpan? maxAge = null) => new()
    {
        HttpOnly = true,
        Path = "/",
        SameSite = SameSiteMode.Lax,
        Secure = !edge.AllowHttp || request.IsHttps,
        IsEssential = true,
        MaxAge = maxAge,
    };
}
