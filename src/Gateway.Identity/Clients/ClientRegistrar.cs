using System.Security.Cryptography;
using Gateway.Identity.Server;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Gateway.Identity.Clients;

/// <summary>
/// Turns a validated <see cref="ClientInput"/> into an OpenIddict application with exactly the
/// permissions it asked for (endpoints, grants, scopes), ensuring agency scopes exist; and back.
/// </summary>
public sealed class ClientRegistrar(IOpenIddictApplicationManager applications, IOpenIddictScopeManager scopes)
{
    /// <returns>The generated secret of a confidential client, or null for a public one.</returns>
    public async Task<string?> CreateAsync(ClientInput input, string? secret, CancellationToken cancellationToken)
    {
        foreach (var scope in input.Scopes ?? [])
        {
            if (GatewayScopes.IsAgencyScope(scope, out var agency) && await scopes.FindByNameAsync(scope, cancellationToken) is null)
            {
                await scopes.CreateAsync(new OpenIddictScopeDescriptor
                {
                    Name = scope,
                    DisplayName = $"API {agency}",
                    Resources = { GatewayScopes.GatewayAudience },
                }, cancellationToken);
            }
        }

        var confidential = input.Kind == ClientKind.Confidential;
        secret = confidential ? secret ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_') : null;
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = input.ClientId,
            ClientSecret = secret,
            DisplayName = input.DisplayName,
            ClientType = confidential ? ClientTypes.Confidential : ClientTypes.Public,
            ConsentType = input.Consent == ConsentMode.Implicit ? ConsentTypes.Implicit : ConsentTypes.Explicit,
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        if (input.AgencyCode is { } owner)
        {
            descriptor.Properties[ClientAudiences.AgencyProperty] = System.Text.Json.JsonSerializer.SerializeToElement(owner);
        }

        foreach (var uri in input.RedirectUris ?? [])
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }

        foreach (var uri in input.PostLogoutRedirectUris ?? [])
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        }

        var grants = input.Grants ?? [];
        descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Endpoints.Introspection]);
        if (grants.Contains(ClientGrant.AuthorizationCode))
        {
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Authorization, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code]);
        }

        if (grants.Contains(ClientGrant.RefreshToken))
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.RefreshToken);
        }

        if (grants.Contains(ClientGrant.ClientCredentials))
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        }

        foreach (var scope in input.Scopes ?? [])
        {
            // openid and offline_access are governed by the grants, not by scope permissions.
            if (scope is not (Scopes.OpenId or Scopes.OfflineAccess))
            {
                descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
            }
        }

        await applications.CreateAsync(descriptor, cancellationToken);
        return secret;
    }

    public async Task<ClientView> ToViewAsync(object application, CancellationToken cancellationToken)
    {
        var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
        var grants = new List<ClientGrant>();
        if (permissions.Contains(Permissions.GrantTypes.AuthorizationCode))
        {
            grants.Add(ClientGrant.AuthorizationCode);
        }

        if (permissions.Contains(Permissions.GrantTypes.RefreshToken))
        {
            grants.Add(ClientGrant.RefreshToken);
        }

        if (permissions.Contains(Permissions.GrantTypes.ClientCredentials))
        {
            grants.Add(ClientGrant.ClientCredentials);
        }

        var scopeList = permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..]).Order(StringComparer.Ordinal).ToList();
        return new ClientView(
            await applications.GetClientIdAsync(application, cancellationToken) ?? string.Empty,
            await applications.GetDisplayNameAsync(application, cancellationToken),
            await applications.GetClientTypeAsync(application, cancellationToken) == ClientTypes.Confidential ? ClientKind.Confidential : ClientKind.Public,
            await applications.GetConsentTypeAsync(application, cancellationToken) == ConsentTypes.Implicit ? ConsentMode.Implicit : ConsentMode.Explicit,
            (await applications.GetRedirectUrisAsync(application, cancellationToken)).Select(u => u.ToString()).ToList(),
            (await applications.GetPostLogoutRedirectUrisAsync(application, cancellationToken)).Select(u => u.ToString()).ToList(),
            scopeList,
            grants,
            await ClientAudiences.AgencyOfAsync(applications, application, cancellationToken));
    }
}
