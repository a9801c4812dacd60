using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Gateway.Identity.Server;

/// <summary>
/// The scopes a client may ask for. Besides OpenID Connect's own: <c>nik</c> (the citizen's NIK, only
/// for clients allowed it) and one API scope per agency, <c>agency:{code}</c>, for agency back ends.
/// </summary>
public static class GatewayScopes
{
    public const string Nik = "nik";
    public const string AgencyPrefix = "agency:";

    /// <summary>The audience of every access token the gateway issues; the proxy accepts no other.</summary>
    public const string GatewayAudience = "satupintu";

    public static readonly IReadOnlyList<string> Standard =
        [Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Phone, Scopes.OfflineAccess, Scopes.Roles, Nik];

    public static string ForAgency(string agencyCode) => AgencyPrefix + agencyCode;

    /// <summary><c>agency:{code}</c> or a finer one of that agency, <c>agency:{code}:{name}</c>.</summary>
    public static bool IsAgencyScope(string scope, out string agencyCode)
    {
        agencyCode = string.Empty;
        if (!scope.StartsWith(AgencyPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = scope[AgencyPrefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        agencyCode = colon < 0 ? rest : rest[..colon];
        return agencyCode.Length > 0 && (colon < 0 || colon < rest.Length - 1);
    }
}
