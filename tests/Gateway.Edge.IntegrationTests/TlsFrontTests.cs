using System.Net;
using System.Net.Http.Json;

namespace Gateway.Edge.IntegrationTests;

/// <summary>The gateway with its production edge settings (no plain HTTP) behind haproxy terminating TLS.</summary>
public sealed class FrontedGateway : IAsyncLifetime
{
    public const string Portal = "satupintu.localhost";
    public const string Admin = "admin.satupintu.localhost";
    public const string Apps = "apps.satupintu.localhost";

    public GatewayApp App { get; private set; } = null!;
    public TlsFront Front { get; private set; } = null!;
    public LegacyBackend Backend { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Backend = await LegacyBackend.StartAsync();
        // The issuer names the front's port, which must be known before the gateway starts: reserve it by
        // starting the front first against a port the gateway then takes.
        var gatewayPort = FreePort();
        Front = await TlsFront.StartAsync([Portal, Admin, Apps], gatewayPort);
        App = await GatewayApp.StartAsync(DatabaseKind.Sqlite, settings: new Dictionary<string, string?>
        {
            ["Edge:AllowHttp"] = "false",
            ["Edge:Hosts:Portal"] = Portal,
            ["Edge:Hosts:Admin"] = Admin,
            ["Edge:Hosts:Apps"] = Apps,
            ["Identity:Issuer"] = $"https://{Portal}:{Front.Port}/",
        }, port: gatewayPort);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Front.DisposeAsync();
        await Backend.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// Behind a real TLS-terminating proxy: the issuer is https, sign-in works with Secure host-only cookies,
/// HSTS is sent, agency apps learn the request was https, and the admin key is refused through the proxy.
/// </summary>
public sealed class TlsFrontTests(FrontedGateway fixture) : IClassFixture<FrontedGateway>
{
    private TlsFront Front => fixture.Front;

    [Fact]
    public async Task Discovery_names_the_https_issuer_and_answers_carry_HSTS()
    {
        using var portal = Front.CreateClient(FrontedGateway.Portal);

        var discovery = await portal.GetAsync("/.well-known/openid-configuration");
        var body = await discovery.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
        Assert.Equal($"https://{FrontedGateway.Portal}:{Front.Port}/", body.GetProperty("issuer").GetString());
        Assert.StartsWith("https://", body.GetProperty("token_endpoint").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("max-age=31536000", discovery.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citizen_signs_in_through_the_proxy_and_gets_a_secure_host_only_session_cookie()
    {
        var citizen = await fixture.App.CreateAccountAsync("citizen");
        var cookies = new CookieContainer();
        using var portal = Front.CreateClient(FrontedGateway.Portal, cookies);

        var page = await portal.GetAsync("/akun/masuk");
        var html = await page.Content.ReadAsStringAsync();
        var signedIn = await portal.PostAsync("/akun/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = citizen.Email!,
            ["password"] = SignOn.Password,
            ["__RequestVerificationToken"] = BrowserSession.AntiforgeryToken(html),
        }));
        var account = await portal.GetAsync("/akun");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-satupintu.session=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", session, StringComparison.OrdinalIgnoreCase);
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains(citizen.FullName, await account.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Portal Warga signs in as its portal-warga client through the proxy: every hop stays on the https portal
        // origin, the code is redeemed at the gateway's own address, and the identity token names the https issuer.
        var hop = await portal.GetAsync("/permohonan");
        var paths = new List<string>();
        for (var i = 0; i < 5 && hop.StatusCode == HttpStatusCode.Redirect; i++)
        {
            var location = new Uri(new Uri($"https://{FrontedGateway.Portal}:{Front.Port}"), hop.Headers.Location!);
            Assert.Equal($"https://{FrontedGateway.Portal}:{Front.Port}", location.GetLeftPart(UriPartial.Authority));
            paths.Add(location.AbsolutePath);
            hop = await portal.GetAsync(location.PathAndQuery);
        }

        Assert.Equal(["/connect/authorize", "/portal/callback", "/permohonan"], paths);
        Assert.Equal(HttpStatusCode.OK, hop.StatusCode);
        Assert.Contains("id=\"no-requests\"", await hop.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_sign_in_through_the_proxy_sets_a_strict_secure_cookie_on_the_administration_origin()
    {
        var administrator = await fixture.App.CreateAccountAsync("admin");
        using var admin = Front.CreateClient(FrontedGateway.Admin, new CookieContainer());

        var html = await (await admin.GetAsync("/masuk")).Content.ReadAsStringAsync();
        var signedIn = await admin.PostAsync("/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = administrator.Email!,
            ["password"] = SignOn.Password,
            ["__RequestVerificationToken"] = BrowserSession.AntiforgeryToken(html),
        }));
        var clients = await admin.GetAsync("/api/admin/clients");

        var staff = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-satupintu.staff=", StringComparison.Ordinal));
        Assert.Contains("secure", staff, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", staff, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, clients.StatusCode);
    }

    [Fact]
    public async Task The_admin_key_is_refused_through_the_proxy_though_the_proxy_runs_on_this_machine()
    {
        using var throughProxy = Front.CreateClient(FrontedGateway.Admin);
        throughProxy.DefaultRequestHeaders.Add("X-Admin-Key", GatewayApp.AdminKey);
        using var direct = LocalOrigins.Client(new Uri($"http://{FrontedGateway.Admin}:{fixture.App.Port}"));
        direct.DefaultRequestHeaders.Add("X-Admin-Key", GatewayApp.AdminKey);

        var refused = await throughProxy.GetAsync("/api/admin/clients");
        var allowed = await direct.GetAsync("/api/admin/clients");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("localhost", (await refused.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task An_agency_app_behind_the_gateway_learns_the_citizen_came_over_https()
    {
        var agency = "tls" + Guid.NewGuid().ToString("N")[..6];
        using (var direct = LocalOrigins.Client(new Uri($"http://{FrontedGateway.Admin}:{fixture.App.Port}")))
        {
            direct.DefaultRequestHeaders.Add("X-Admin-Key", GatewayApp.AdminKey);
            await (await direct.PostAsJsonAsync("/api/admin/agencies", TestData.Agency(agency))).EnsureSuccessAsync();
            await (await direct.PostAsJsonAsync("/api/admin/services",
                TestData.Service("svc-" + agency, agency, TestData.Exposure(new Uri(fixture.Backend.Address, "echo/"))))).EnsureSuccessAsync();
        }

        using var apps = Front.CreateClient(FrontedGateway.Apps);
        var echo = await apps.GetFromJsonAsync<EchoReply>($"/{agency}/svc-{agency}/x");

        Assert.Equal("https", echo!.Headers["X-Forwarded-Proto"]);
        Assert.Equal($"{FrontedGateway.Apps}:{Front.Port}", echo.Headers["X-Forwarded-Host"]);
        Assert.Contains("127.0.0.1", echo.Headers["X-Forwarded-For"], StringComparison.Ordinal);
    }
}
