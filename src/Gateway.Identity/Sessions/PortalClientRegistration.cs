using Gateway.Identity.Clients;
using Gateway.Platform.Edge;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Gateway.Identity.Sessions;

/// <summary>
/// Registers Portal Warga's client (<c>portal-warga</c>: public, PKCE, no consent page, no refresh tokens —
/// its session follows the sign-on session) once the gateway listens, and keeps its redirect URI true: the
/// configured issuer's origin, or on a developer machine the portal origin at each listening address. The
/// registration belongs to the gateway; an administrator's edit of its redirect URIs is undone at start.
/// </summary>
internal sealed partial class PortalClientRegistration(
    IServiceScopeFactory scopes, IServer server, IOptions<SignOnOptions> options, IOptions<EdgeOptions> edge, ILogger<PortalClientRegistration> logger)
    : IHostedLifecycleService
{
    // After every hosted service started, so after Kestrel bound its (possibly random) ports.
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var redirects = RedirectUris();
        if (redirects.Count == 0)
        {
            return; // an in-memory test server: no browser can sign in to it
        }

        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(PortalSignIn.ClientId, cancellationToken) is not { } existing)
        {
            try
            {
                await scope.ServiceProvider.GetRequiredService<ClientRegistrar>().CreateAsync(new ClientInput(PortalSignIn.ClientId, "Portal Warga",
                    ClientKind.Public, ConsentMode.Implicit, [.. redirects.Select(u => u.AbsoluteUri)], [], PortalSignIn.Scopes, [ClientGrant.AuthorizationCode]),
                    null, cancellationToken);
                LogRegistered(logger, PortalSignIn.ClientId, redirects);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Another replica may have registered it at the same moment; anything else is a real failure.
                if (await applications.FindByClientIdAsync(PortalSignIn.ClientId, cancellationToken) is null)
                {
                    throw;
                }
            }

            return;
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, existing, cancellationToken);
        if (descriptor.RedirectUris.SetEquals(redirects))
        {
            return;
        }

        descriptor.RedirectUris.Clear();
        descriptor.RedirectUris.UnionWith(redirects);
        await applications.UpdateAsync(existing, descriptor, cancellationToken);
        LogRegistered(logger, PortalSignIn.ClientId, redirects);
    }

    private List<Uri> RedirectUris()
    {
        if (!string.IsNullOrEmpty(options.Value.Issuer))
        {
            return [new Uri(new Uri(options.Value.Issuer), PortalSignIn.CallbackPath)];
        }

        return [.. (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            .Select(address => new Uri(EdgeOrigins.AtListeningAddress(address, edge.Value.Hosts.Portal) + PortalSignIn.CallbackPath))
            .Distinct()];
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal Warga signs in as client {ClientId}, redirect URIs {RedirectUris}.")]
    private static partial void LogRegistered(ILogger logger, string clientId, IReadOnlyList<Uri> redirectUris);
}
