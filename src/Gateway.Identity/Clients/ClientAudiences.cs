using Gateway.Platform.Security;
using OpenIddict.Abstractions;

namespace Gateway.Identity.Clients;

/// <summary>The audiences a client's access tokens carry (<see cref="TokenAudiences"/>), from the agency it was registered for.</summary>
public static class ClientAudiences
{
    /// <summary>The OpenIddict application property holding the agency code.</summary>
    public const string AgencyProperty = "satupintu_agency";

    public static async Task<string?> AgencyOfAsync(IOpenIddictApplicationManager applications, object application, CancellationToken cancellationToken) =>
        (await applications.GetPropertiesAsync(application, cancellationToken)).TryGetValue(AgencyProperty, out var value)
        && value.ValueKind == System.Text.Json.JsonValueKind.String
            ? value.GetString()
            : null;

    public static async Task<string[]> ForClientAsync(IOpenIddictApplicationManager applications, string? clientId, CancellationToken cancellationToken)
    {
        var application = clientId is null ? null : await applications.FindByClientIdAsync(clientId, cancellationToken);
        var agency = application is null ? null : await AgencyOfAsync(applications, application, cancellationToken);
        return agency is null ? [TokenAudiences.Gateway, TokenAudiences.City] : [TokenAudiences.Gateway, TokenAudiences.Agency(agency)];
    }
}
