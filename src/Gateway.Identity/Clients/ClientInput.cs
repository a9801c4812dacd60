namespace Gateway.Identity.Clients;

/// <summary>
/// A client application (an agency web app, the citizen portal, an agency back end) as the admin API
/// receives it. <c>agencyCode</c>: the agency whose app it is — its tokens open that agency's routes only;
/// without it the client is one of the city's own apps (the portal), whose tokens open every agency's.
/// </summary>
public sealed record ClientInput(
    string? ClientId,
    string? DisplayName,
    ClientKind? Kind,
    ConsentMode? Consent,
    IReadOnlyList<string>? RedirectUris,
    IReadOnlyList<string>? PostLogoutRedirectUris,
    IReadOnlyList<string>? Scopes,
    IReadOnlyList<ClientGrant>? Grants,
    string? AgencyCode = null);

public enum ClientKind
{
    /// <summary>Cannot keep a secret (a single-page or mobile app): PKCE only, no client credentials.</summary>
    Public,

    /// <summary>Has a back end that keeps a secret.</summary>
    Confidential,
}

public enum ConsentMode
{
    /// <summary>The citizen is asked once per client and scope set; the answer is remembered.</summary>
    Explicit,

    /// <summary>First-party apps of the city: no consent page.</summary>
    Implicit,
}

public enum ClientGrant
{
    AuthorizationCode,
    RefreshToken,
    ClientCredentials,
}

public sealed record ClientView(
    string ClientId,
    string? DisplayName,
    ClientKind Kind,
    ConsentMode Consent,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> PostLogoutRedirectUris,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<ClientGrant> Grants,
    string? AgencyCode);

/// <summary>The answer to registering a confidential client: its secret, shown this once.</summary>
public sealed record CreatedClientView(ClientView Client, string? ClientSecret);
