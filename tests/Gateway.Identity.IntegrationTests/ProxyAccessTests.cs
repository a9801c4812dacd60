using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Gateway.Identity.Clients;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Identity.IntegrationTests;

/// <summary>The access rule stored on each catalogue service, enforced at the proxy, and what the agency app receives.</summary>
public sealed class ProxyAccessTests(SqliteGateway fixture) : IClassFixture<SqliteGateway>
{
    private GatewayApp App => fixture.App;
    private LegacyBackend Backend => fixture.Backend;

    [Fact]
    public async Task A_citizen_token_opens_a_citizen_service_and_the_app_gets_the_gateway_identity_not_the_token()
    {
        var (agency, prefix) = await ExposeAsync("citizen");
        var citizen = await App.CreateAccountAsync("citizen");
        var token = await CitizenTokenAsync(citizen.Email!);
        using var client = App.CreateAppsClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, prefix + "/berkas");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-SatuPintu-Identity", "forged");

        var response = await client.SendAsync(request);
        var echo = await response.Content.ReadFromJsonAsync<EchoReply>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(echo!.Headers.ContainsKey("Authorization"), "the citizen's access token must not leave the gateway");
        var forwarded = echo.Headers["X-SatuPintu-Identity"];
        Assert.NotEqual("forged", forwarded);
        var verified = await VerifyWithJwksAsync(forwarded, agency);
        Assert.True(verified.IsValid, verified.Exception?.Message);
        Assert.Equal(citizen.Id.ToString(), verified.Claims["sub"]);
        Assert.Equal("satupintu-identity+jwt", ((JsonWebToken)verified.SecurityToken).Typ);
        Assert.False(verified.Claims.ContainsKey("nik"), "this agency is not configured to see NIKs");
    }

    [Fact]
    public async Task A_browser_without_a_session_is_sent_to_sign_in_on_the_portal_and_then_opens_the_service_on_the_apps_origin()
    {
        var (_, prefix) = await ExposeAsync("citizen");
        var citizen = await App.CreateAccountAsync("citizen");
        using var browser = App.NewBrowser();
        var target = new Uri(App.AppsAddress, prefix + "/formulir");

        var anonymous = await browser.SendAsync(Navigation(target));
        var returnUrl = "/akun/ke-aplikasi?kembali=" + Uri.EscapeDataString(prefix + "/formulir");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal(new Uri(App.PortalAddress, returnUrl), BrowserSession.Location(anonymous));
        var signInPage = await browser.GetAsync(BrowserSession.Location(anonymous).ToString());
        Assert.Equal(HttpStatusCode.Redirect, signInPage.StatusCode);
        Assert.Equal("/akun/masuk?ReturnUrl=" + Uri.EscapeDataString(returnUrl), BrowserSession.Location(signInPage).PathAndQuery);

        var signedIn = await browser.SubmitAsync("/akun/masuk", new Dictionary<string, string>
        {
            ["login"] = citizen.Nik!,
            ["password"] = SignOn.Password,
            ["returnUrl"] = returnUrl,
        });
        var page = await browser.FollowAsync(signedIn);
        var echo = await page.Content.ReadFromJsonAsync<EchoReply>();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(target, page.RequestMessage!.RequestUri);
        Assert.True(echo!.Headers.ContainsKey("X-SatuPintu-Identity"));
        Assert.False(echo.Headers.TryGetValue("Cookie", out var cookie) && cookie.Contains("satupintu.", StringComparison.Ordinal),
            "no gateway cookie reaches the agency app");
        Assert.Contains(browser.Cookies.GetCookies(App.AppsAddress), c => c.Name == "satupintu.apps");
        Assert.DoesNotContain(browser.Cookies.GetCookies(App.AppsAddress), c => c.Name == "satupintu.session");

        // Signing out on the portal ends the apps origin's session too.
        var signedOut = await browser.FollowAsync(await browser.SubmitAsync("/akun/keluar", new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.Equal("/akun/keluar?selesai=true", signedOut.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.DoesNotContain(browser.Cookies.GetCookies(App.AppsAddress), c => c.Name == "satupintu.apps");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SendAsync(Navigation(target))).StatusCode);
    }

    [Fact]
    public async Task A_hand_off_ticket_works_once_and_never_carries_a_person_to_another_site()
    {
        await ExposeAsync("citizen");
        var (_, browser) = await App.SignedInAsync("citizen");
        using (browser)
        {
            var departure = await browser.GetAsync("/akun/ke-aplikasi?kembali=" + Uri.EscapeDataString("//evil.example/steal"));
            var arrival = BrowserSession.Location(departure);
            Assert.Equal(App.AppsAddress.Authority, arrival.Authority);

            using var stranger = new BrowserSession(App.AppsAddress);
            var first = await stranger.GetAsync(arrival.PathAndQuery);
            var second = await stranger.GetAsync(arrival.PathAndQuery);

            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.Equal("/", BrowserSession.Location(first).OriginalString);
            Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/.satupintu/masuk?tiket=forged")).StatusCode);
        }
    }

    [Fact]
    public async Task An_officer_of_agency_A_cannot_reach_agency_B_officer_only_service()
    {
        var (agencyA, prefixA) = await ExposeAsync("agencyOfficer");
        var (_, prefixB) = await ExposeAsync("agencyOfficer");
        var officer = await App.CreateAccountAsync("officer", agencyA);
        using var browser = App.NewBrowser();
        var signedIn = await browser.SubmitAsync("/akun/masuk", new Dictionary<string, string> { ["login"] = officer.Email!, ["password"] = SignOn.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var own = await browser.FollowAsync(await browser.SendAsync(Navigation(new Uri(App.AppsAddress, prefixA + "/antrian"))));
        var other = await browser.SendAsync(Navigation(new Uri(App.AppsAddress, prefixB + "/antrian")));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("urn:satupintu:problem:forbidden", (await other.JsonAsync()).GetProperty("type").GetString());
    }

    private static HttpRequestMessage Navigation(Uri url)
    {
        var navigation = new HttpRequestMessage(HttpMethod.Get, url);
        navigation.Headers.Accept.ParseAdd("text/html");
        return navigation;
    }

    [Fact]
    public async Task A_citizen_cannot_open_an_officer_only_service()
    {
        var (_, prefix) = await ExposeAsync("agencyOfficer");
        var citizen = await App.CreateAccountAsync("citizen");
        using var client = App.CreateAppsClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CitizenTokenAsync(citizen.Email!));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(prefix + "/antrian")).StatusCode);
    }

    [Fact]
    public async Task An_agency_back_end_reaches_its_client_only_service_with_its_scope_and_not_another_agency_s()
    {
        var (agencyA, prefixA) = await ExposeAsync("agencyClient");
        var (_, prefixB) = await ExposeAsync("agencyClient");
        var clientId = "backend-" + agencyA;
        var secret = await App.RegisterClientAsync(new ClientInput(clientId, "Back end", ClientKind.Confidential, ConsentMode.Implicit, [], [],
            [$"agency:{agencyA}"], [ClientGrant.ClientCredentials]));
        using var http = App.CreateClient();
        var (_, token) = await OidcFlow.TokenAsync(http, new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret!,
            ["scope"] = $"agency:{agencyA}",
        });
        using var apps = App.CreateAppsClient();
        apps.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());

        Assert.Equal(HttpStatusCode.OK, (await apps.GetAsync(prefixA + "/data")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await apps.GetAsync(prefixB + "/data")).StatusCode);
    }

    public static TheoryData<string> ForgedTokens() => ["alg-none", "wrong-key", "wrong-audience", "expired", "altered-payload"];

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task A_forged_or_stale_token_is_refused_at_the_proxy(string forgery)
    {
        var (_, prefix) = await ExposeAsync("citizen");
        var citizen = await App.CreateAccountAsync("citizen");
        var genuine = await CitizenTokenAsync(citizen.Email!);
        var token = Forge(genuine, forgery);
        var before = Backend.Requests;
        using var client = App.CreateAppsClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync(prefix + "/berkas");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("urn:satupintu:problem:unauthorized", (await response.JsonAsync()).GetProperty("type").GetString());
        Assert.True(Backend.Requests - before < 3, "nothing may reach the agency app");

        // The genuine token does open it: the refusal is about the forgery.
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", genuine);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(prefix + "/berkas")).StatusCode);
    }

    private string Forge(string genuine, string forgery)
    {
        var parts = genuine.Split('.');
        var payload = JsonNode.Parse(OidcFlow.Base64UrlDecode(parts[1]))!.AsObject();
        var header = JsonNode.Parse(OidcFlow.Base64UrlDecode(parts[0]))!.AsObject();
        switch (forgery)
        {
            case "alg-none":
                header["alg"] = "none";
                return Encode(header) + "." + Encode(payload) + ".";
            case "altered-payload":
                payload["sub"] = Guid.NewGuid().ToString();
                return Encode(header) + "." + Encode(payload) + "." + parts[2];
            case "wrong-key":
                using (var stranger = RSA.Create(2048))
                {
                    return Sign(header, payload, stranger);
                }

            case "wrong-audience":
                payload["aud"] = "another-api";
                return Sign(header, payload, GatewayKey());
            case "expired":
                var past = DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeSeconds();
                payload["iat"] = past - 900;
                payload["nbf"] = past - 900;
                payload["exp"] = past;
                return Sign(header, payload, GatewayKey());
            default:
                throw new ArgumentOutOfRangeException(nameof(forgery));
        }
    }

    /// <summary>The gateway's own signing key (generated in its data folder): proves the audience and expiry checks, not just the signature check.</summary>
    private RSA GatewayKey()
    {
        var file = Directory.GetFiles(Path.Combine(App.DataDirectory, "identity-keys"), "signing-*.pem").Order().Last();
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(file));
        return rsa;
    }

    private static string Sign(JsonObject header, JsonObject payload, RSA key)
    {
        var input = Encode(header) + "." + Encode(payload);
        var signature = key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + OidcFlow.Base64Url(signature);
    }

    private static string Encode(JsonObject json) => OidcFlow.Base64Url(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private async Task<TokenValidationResult> VerifyWithJwksAsync(string token, string agency)
    {
        using var http = App.CreateClient();
        var jwks = new JsonWebKeySet(await http.GetStringAsync("/.well-known/jwks"));
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = http.BaseAddress!.ToString(),
            ValidAudience = agency,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidTypes = ["satupintu-identity+jwt"],
        });
    }

    private Task<string> CitizenTokenAsync(string login) => App.AccessTokenAsync(login);

    private async Task<(string Agency, string Prefix)> ExposeAsync(string access)
    {
        var agency = "a" + Guid.NewGuid().ToString("N")[..8];
        await App.CreateAgencyAsync(agency);
        var exposure = TestData.Exposure(new Uri(Backend.Address, "echo/"), access: access);
        using var admin = App.CreateAdminClient();
        await (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service("svc-" + agency, agency, exposure))).EnsureSuccessAsync();
        return (agency, $"/{agency}/svc-{agency}");
    }
}
