using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Identity.Accounts;
using Gateway.Identity.Clients;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Testing;

/// <summary>Accounts and client apps for sign-on tests, made through the gateway's own services and admin API.</summary>
public static class SignOn
{
    public const string Password = "kopi-hujan-angklung-42";

    /// <summary>The gateway's JSON conventions (camelCase, enums as camelCase strings).</summary>
    public static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Gateway.Platform.PlatformModule.ConfigureJson(json);
        return json;
    }

    /// <summary>A cookie-keeping client of this gateway's portal origin that does not follow redirects.</summary>
    public static BrowserSession NewBrowser(this GatewayApp app) => new(app.PortalAddress);

    /// <summary>The same, starting on the administration origin (staff sign-in, admin and officers' APIs).</summary>
    public static BrowserSession NewStaffBrowser(this GatewayApp app) => new(app.AdminAddress);

    /// <summary>The last code the embedded verification sender wrote for <paramref name="recipient"/> (an e-mail or +62 number).</summary>
    public static string LastVerificationCode(this GatewayApp app, string recipient)
    {
        var file = Path.Combine(app.DataDirectory, "verification-outbox.txt");
        var line = File.ReadAllLines(file).Last(l => l.Split('\t')[2] == recipient);
        return line.Split('\t')[4];
    }

    /// <summary>The texts of every message the embedded sender wrote for <paramref name="recipient"/>, oldest first.</summary>
    public static IReadOnlyList<string> MessagesTo(this GatewayApp app, string recipient)
    {
        var file = Path.Combine(app.DataDirectory, "verification-outbox.txt");
        return File.Exists(file)
            ? [.. File.ReadAllLines(file).Select(l => l.Split('\t')).Where(f => f.Length > 5 && f[2] == recipient).Select(f => f[5])]
            : [];
    }

    /// <summary>
    /// A confirmed account with one role; citizens get a fresh valid NIK, verified (as after a counter
    /// visit) unless <paramref name="nikVerified"/> is false.
    /// </summary>
    public static async Task<GatewayUser> CreateAccountAsync(this GatewayApp app, string role, string? agencyCode = null, string password = Password, bool nikVerified = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<GatewayUser>>();
        var serial = Random.Shared.Next(1, 9999).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
        var nik = role == "citizen" ? $"32730{Random.Shared.Next(1, 9)}17089{Random.Shared.Next(0, 9)}{serial}" : null;
        var email = $"{role}-{Guid.NewGuid():N}@example.org";
        var user = new GatewayUser
        {
            UserName = email,
            Nik = nik,
            NikVerifiedAt = nik is not null && nikVerified ? DateTime.UtcNow : null,
            NikVerification = nik is not null && nikVerified ? "counter" : null,
            NikVerifiedBy = nik is not null && nikVerified ? "test" : null,
            FullName = $"Test {role}",
            Email = email,
            EmailConfirmed = true,
            AgencyCode = agencyCode,
            CreatedAt = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(", ", created.Errors.Select(e => e.Code)));
        }

        await users.AddToRoleAsync(user, role);
        return user;
    }

    /// <summary>
    /// A new account of <paramref name="role"/>, signed in where that role works, in a browser-like client:
    /// a citizen on the portal (session cookie), an officer or administrator on the administration origin
    /// (staff cookie).
    /// </summary>
    public static async Task<(GatewayUser User, BrowserSession Browser)> SignedInAsync(this GatewayApp app, string role, string? agencyCode = null, bool nikVerified = true)
    {
        var user = await app.CreateAccountAsync(role, agencyCode, nikVerified: nikVerified);
        var staff = role is "officer" or "admin";
        var browser = staff ? app.NewStaffBrowser() : app.NewBrowser();
        var response = await browser.SubmitAsync(staff ? "/masuk" : "/akun/masuk", new Dictionary<string, string> { ["login"] = user.Email!, ["password"] = Password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {role} answered {(int)response.StatusCode}");
        }

        return (user, browser);
    }

    /// <summary>Registers a client through the admin API; returns its secret (confidential) or null.</summary>
    public static async Task<string?> RegisterClientAsync(this GatewayApp app, ClientInput client)
    {
        using var admin = app.CreateAdminClient();
        var response = await admin.PostAsJsonAsync("/api/admin/clients", client, Json);
        await response.EnsureSuccessAsync();
        var created = await response.JsonAsync();
        return created.TryGetProperty("clientSecret", out var secret) && secret.ValueKind == JsonValueKind.String ? secret.GetString() : null;
    }

    /// <summary>A public web client with PKCE, refresh tokens and the given consent mode.</summary>
    public static ClientInput PublicClient(string clientId, string redirectUri, ConsentMode consent = ConsentMode.Implicit, params string[] scopes) => new(
        clientId, $"Test app {clientId}", ClientKind.Public, consent, [redirectUri], [redirectUri + "/signed-out"],
        scopes.Length > 0 ? scopes : ["openid", "profile", "email", "offline_access", "roles"],
        [ClientGrant.AuthorizationCode, ClientGrant.RefreshToken]);

    /// <summary>
    /// An access token for <paramref name="login"/> through the authorization code flow of a new public
    /// client (the way an app gets one), with <paramref name="scope"/>.
    /// </summary>
    public static async Task<string> AccessTokenAsync(this GatewayApp app, string login, string scope = "openid profile email offline_access roles")
    {
        var clientId = "app-" + Guid.NewGuid().ToString("N")[..8];
        var redirect = $"http://127.0.0.1:9/{clientId}/callback";
        await app.RegisterClientAsync(PublicClient(clientId, redirect, ConsentMode.Implicit, scope.Split(' ')));
        using var browser = app.NewBrowser();
        var (verifier, challenge) = OidcFlow.NewPkce();
        var code = OidcFlow.CodeFrom(await OidcFlow.AuthorizeAsync(browser, OidcFlow.AuthorizeUrl(clientId, redirect, challenge, scope: scope), login, Password));
        using var http = app.CreateClient();
        var (_, tokens) = await OidcFlow.RedeemCodeAsync(http, clientId, redirect, code, verifier);
        return tokens.GetProperty("access_token").GetString()!;
    }
}
