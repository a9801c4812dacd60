namespace Gateway.Platform.Security;

/// <summary>
/// Names of the authentication schemes single sign-on registers, for modules that name them in their
/// policies without depending on the identity module. The identity module's tests check they match.
/// </summary>
public static class SignOnSchemes
{
    /// <summary>Bearer access tokens issued by the gateway (OpenIddict's validation, its results cached per token).</summary>
    public const string Bearer = "SatuPintu.Bearer";

    /// <summary>The sign-in cookie of the gateway's own pages (ASP.NET Core Identity).</summary>
    public const string Session = "Identity.Application";

    /// <summary>
    /// Either: a call from a client app with a token, or a browser signed in to the gateway. One scheme
    /// that forwards to the right one by the Authorization header, so a proxied request runs one handler
    /// and keeps the (cached) identity object instead of a merge of two.
    /// </summary>
    public const string BearerOrSession = "SatuPintu.BearerOrSession";
}
