namespace Gateway.Platform.Security;

/// <summary>
/// Names of the authentication schemes single sign-on registers, for modules that name them in their
/// policies without depending on the identity module. The identity module's tests check they match.
/// </summary>
public static class SignOnSchemes
{
    /// <summary>Bearer access tokens issued by the gateway (OpenIddict validation).</summary>
    public const string Bearer = "OpenIddict.Validation.AspNetCore";

    /// <summary>The sign-in cookie of the gateway's own pages (ASP.NET Core Identity).</summary>
    public const string Session = "Identity.Application";

    /// <summary>Both: a call from a client app with a token, or a browser signed in to the gateway.</summary>
    public static readonly string[] BearerOrSession = [Bearer, Session];
}
