using System.Security.Cryptography;
using System.Text.Json;
using Gateway.Identity.Accounts;
using Gateway.Identity.Clients;
using Gateway.Platform.Edge;
using Gateway.Platform.Security;
using Gateway.Platform.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Gateway.Demo.SignOn;

/// <summary>
/// The demo's people and apps for single sign-on: a citizen, an officer of Disdukcapil and a Diskominfo
/// administrator (passwords generated on the first run and kept in <c>demo-sign-on.json</c> of the data
/// folder, owner-readable), the citizen portal's client, and two sample agency web apps that log in
/// through SatuPintu. Idempotent.
/// </summary>
public sealed class DemoSignOn(
    IServiceScopeFactory scopes,
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<StorageOptions> storage,
    IOptions<EdgeOptions> edge,
    IHostEnvironment environment) : IHostedService
{
    public const string CitizenNik = "3273015708900001";

    public static readonly SampleSignOnAppSpec[] AppSpecs =
    [
        new("disdukcapil-online", "Disdukcapil Online", "disdukcapil-online", AsksConsent: true, ["openid", "profile", "roles", "nik"], "disdukcapil"),
        new("perizinan-dpmptsp", "Perizinan DPMPTSP", "perizinan-dpmptsp", AsksConsent: false, ["openid", "profile", "roles"], "dpmptsp"),
    ];

    private List<WebApplication> _apps = [];
    private readonly List<RunningSignOnApp> _running = [];

    public IReadOnlyList<RunningSignOnApp> Apps => _running;
    public IReadOnlyList<DemoAccount> Accounts { get; private set; } = [];

    /// <summary>The owner-readable file with the demo accounts' passwords (printed by path, never by content).</summary>
    public string PasswordFile => Path.Combine(storage.Value.ResolveDataDirectory(environment.ContentRootPath), "demo-sign-on.json");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var file = PasswordFile;
        var secrets = File.Exists(file) ? JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(cancellationToken: cancellationToken, path: file)) ?? [] : [];

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<GatewayUser>>();
        Accounts =
        [
            await EnsureAccountAsync(users, secrets, Roles.Citizen, "Siti Rahmawati", "siti@warga.demo.satupintu.id", CitizenNik, null),
            await EnsureAccountAsync(users, secrets, Roles.Officer, "Budi Santoso", "budi@disdukcapil.demo.satupintu.id", null, "disdukcapil"),
            await EnsureAccountAsync(users, secrets, Roles.Admin, "Admin Diskominfo", "admin@diskominfo.demo.satupintu.id", null, null),
        ];

        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var registrar = scope.ServiceProvider.GetRequiredService<ClientRegistrar>();
        foreach (var spec in AppSpecs)
        {
            var settings = new SignOnAppSettings();
            var app = await SampleSignOnApp.StartAsync(spec, settings, cancellationToken);
            _apps.Add(app);
            var address = app.Urls.First().TrimEnd('/');
            settings.ClientSecret = await EnsureClientAsync(applications, registrar, spec, address, secrets, cancellationToken);
            _running.Add(new RunningSignOnApp(spec, address, settings));
        }

        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(secrets), cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // The sample apps find the gateway's portal where it actually listens (a test host picks a free port).
        lifetime.ApplicationStarted.Register(() =>
        {
            var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5080";
            var gateway = EdgeOrigins.AtListeningAddress(listening, edge.Value.Hosts.Portal);
            foreach (var running in _running)
            {
                running.Settings.Authority = gateway;
            }
        });
    }

    /// <summary>Idempotent: the host may ask twice, even at once (seen when a test host is disposed).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var app in Interlocked.Exchange(ref _apps, []))
        {
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
        }
    }

    private static async Task<DemoAccount> EnsureAccountAsync(
        UserManager<GatewayUser> users, Dictionary<string, string> secrets, string role, string name, string email, string? nik, string? agency)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || !secrets.TryGetValue(email, out var password))
        {
            password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
            if (user is not null)
            {
                await users.DeleteAsync(user);
            }

            user = new GatewayUser
            {
                UserName = nik ?? email,
                Nik = nik,
                FullName = name,
                Email = email,
                EmailConfirmed = true,
                PhoneNumber = nik is null ? null : "+6281234560001",
                PhoneNumberConfirmed = nik is not null,
                // The demo citizen is as if she had shown her KTP at a counter (the sample SIAK knows her too).
                NikVerifiedAt = nik is null ? null : DateTime.UtcNow,
                NikVerification = nik is null ? null : "counter",
                NikVerifiedBy = nik is null ? null : "demo",
                AgencyCode = agency,
                CreatedAt = DateTime.UtcNow,
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Demo account not created: " + string.Join(", ", created.Errors.Select(e => e.Code)));
            }

            await users.AddToRoleAsync(user, role);
            secrets[email] = password;
        }

        else if (nik is not null && !user.HasVerifiedNik)
        {
            // A demo city from before NIK verification: its citizen is verified as a new one would be.
            (user.NikVerifiedAt, user.NikVerification, user.NikVerifiedBy) = (DateTime.UtcNow, "counter", "demo");
            await users.UpdateAsync(user);
        }

        return new DemoAccount(role, name, nik ?? email, password);
    }

    /// <summary>The client's secret; the client is (re)registered when it is new or its address changed.</summary>
    private static async Task<string> EnsureClientAsync(IOpenIddictApplicationManager applications, ClientRegistrar registrar,
        SampleSignOnAppSpec spec, string address, Dictionary<string, string> secrets, CancellationToken cancellationToken)
    {
        var redirect = address + "/signin-oidc";
        var existing = await applications.FindByClientIdAsync(spec.ClientId, cancellationToken);
        if (existing is not null && secrets.TryGetValue(spec.ClientId, out var known)
            && (await applications.GetRedirectUrisAsync(existing, cancellationToken)).Contains(redirect)
            && await ClientAudiences.AgencyOfAsync(applications, existing, cancellationToken) == spec.Agency)
        {
            return known;
        }

        if (existing is not null)
        {
            await applications.DeleteAsync(existing, cancellationToken);
        }

        var secret = await registrar.CreateAsync(new ClientInput(spec.ClientId, spec.Name, ClientKind.Confidential,
            spec.AsksConsent ? ConsentMode.Explicit : ConsentMode.Implicit, [redirect], [address + "/signout-callback-oidc"],
            [.. spec.Scopes], [ClientGrant.AuthorizationCode, ClientGrant.RefreshToken], spec.Agency), null, cancellationToken);
        secrets[spec.ClientId] = secret!;
        return secret!;
    }
}

public sealed record DemoAccount(string Role, string Name, string Login, string Password);

public sealed record RunningSignOnApp(SampleSignOnAppSpec Spec, string Address, SignOnAppSettings Settings);
