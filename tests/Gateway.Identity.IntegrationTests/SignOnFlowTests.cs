using System.Net;
using System.Net.Http.Headers;
using Gateway.Identity.Clients;
using Microsoft.AspNetCore.WebUtilities;

namespace Gateway.Identity.IntegrationTests;

/// <summary>The flows a client app uses, on both databases.</summary>
public abstract class SignOnFlowTests(GatewayFixture fixture)
{
    private GatewayApp App => fixture.App;

    [Fact]
    public async Task Code_flow_with_PKCE_signs_a_citizen_in_and_issues_tokens_about_them()
    {
        var (clientId, redirect) = await RegisterAsync(ConsentMode.Implicit);
        var citizen = await App.CreateAccountAsync("citizen");
        using var browser = App.NewBrowser();
        var (verifier, challenge) = OidcFlow.NewPkce();

        var callback = await OidcFlow.AuthorizeAsync(browser, OidcFlow.AuthorizeUrl(clientId, redirect, challenge), citizen.Email!, SignOn.Password);
        using var http = App.CreateClient();
        var (status, tokens) = await OidcFlow.RedeemCodeAsync(http, clientId, redirect, OidcFlow.CodeFrom(callback), verifier);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith(redirect + "?", callback.ToString(), StringComparison.Ordinal);
        var idToken = OidcFlow.Payload(tokens.GetProperty("id_token").GetString()!);
        Assert.Equal(citizen.Id.ToString(), idToken.GetProperty("sub").GetString());
        Assert.Equal(citizen.FullName, idToken.GetProperty("name").GetString());
        Assert.Equal("citizen", idToken.GetProperty("role").GetString());
        Assert.False(idToken.TryGetProperty("nik", out _), "the NIK must not reach a client without the nik scope");
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        Assert.Equal(["satupintu", "satupintu:city"], OidcFlow.Payload(accessToken).GetProperty("aud").EnumerateArray().Select(a => a.GetString()).Order());
        Assert.True(tokens.TryGetProperty("refresh_token", out _));

        using var userInfo = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        userInfo.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var info = await (await http.SendAsync(userInfo)).JsonAsync();
        Assert.Equal(citizen.Email, info.GetProperty("email").GetString());
        Assert.Equal(citizen.Id.ToString(), info.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task The_NIK_reaches_only_a_client_allowed_the_nik_scope()
    {
        var (allowed, allowedRedirect) = await RegisterAsync(ConsentMode.Implicit, "openid", "profile", "nik");
        var (other, otherRedirect) = await RegisterAsync(ConsentMode.Implicit, "openid", "profile");
        var citizen = await App.CreateAccountAsync("citizen");
        using var browser = App.NewBrowser();
        using var http = App.CreateClient();

        var (verifier, challenge) = OidcFlow.NewPkce();
        var callback = await OidcFlow.AuthorizeAsync(browser, OidcFlow.AuthorizeUrl(allowed, allowedRedirect, challenge, scope: "openid profile nik"), citizen.Nik!, SignOn.Password);
        var (_, tokens) = await OidcFlow.RedeemCodeAsync(http, allowed, allowedRedirect, OidcFlow.CodeFrom(callback), verifier);
        Assert.Equal(citizen.Nik, OidcFlow.Payload(tokens.GetProperty("id_token").GetString()!).GetProperty("nik").GetString());

        // The same signed-in citizen, a client without the nik permission: refused before any code exists.
        var refused = await browser.GetAsync(OidcFlow.AuthorizeUrl(other, otherRedirect, OidcFlow.NewPkce().Challenge, scope: "openid profile nik"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Null(refused.Headers.Location);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("invalid_request", body, StringComparison.Ordinal);
        Assert.Contains("scope", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_is_asked_once_per_client_and_then_remembered()
    {
        var (clientId, redirect) = await RegisterAsync(ConsentMode.Explicit);
        var citizen = await App.CreateAccountAsync("citizen");
        using var browser = App.NewBrowser();

        // Sign in; the authorize request then shows the consent page instead of redirecting.
        var html = await ConsentPageAsync(browser, clientId, redirect, citizen.Nik!);
        Assert.Contains($"Test app {clientId}", html, StringComparison.Ordinal);
        Assert.Contains("Melihat alamat e-mail Anda", html, StringComparison.Ordinal);

        var fields = BrowserSession.HiddenFields(html);
        fields["decision"] = "accept";
        var accepted = await browser.PostWithTokenAsync("/connect/authorize", html, fields);
        Assert.Contains("code=", BrowserSession.Location(accepted).Query, StringComparison.Ordinal);

        // The same client again: no consent page, straight back with a code.
        var again = await browser.GetAsync(OidcFlow.AuthorizeUrl(clientId, redirect, OidcFlow.NewPkce().Challenge));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.StartsWith(redirect + "?", BrowserSession.Location(again).ToString(), StringComparison.Ordinal);
        Assert.Contains("code=", BrowserSession.Location(again).Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Denying_consent_returns_access_denied_to_the_client()
    {
        var (clientId, redirect) = await RegisterAsync(ConsentMode.Explicit);
        var citizen = await App.CreateAccountAsync("citizen");
        using var browser = App.NewBrowser();
        var html = await ConsentPageAsync(browser, clientId, redirect, citizen.Email!);

        var fields = BrowserSession.HiddenFields(html);
        fields["decision"] = "deny";
        var denied = await browser.PostWithTokenAsync("/connect/authorize", html, fields);

        var query = QueryHelpers.ParseQuery(BrowserSession.Location(denied).Query);
        Assert.Equal("access_denied", query["error"].ToString());
        Assert.False(query.ContainsKey("code"));
    }

    [Fact]
    public async Task An_agency_back_end_gets_a_token_with_client_credentials_and_only_with_its_secret()
    {
        await App.CreateAgencyAsync("bapenda");
        var secret = await App.RegisterClientAsync(new ClientInput(
            "bapenda-backend", "Bapenda back end", ClientKind.Confidential, ConsentMode.Implicit, [], [],
            ["agency:bapenda"], [ClientGrant.ClientCredentials]));
        using var http = App.CreateClient();

        var (status, token) = await OidcFlow.TokenAsync(http, new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "bapenda-backend",
            ["client_secret"] = secret!,
            ["scope"] = "agency:bapenda",
        });
        var (wrongStatus, wrong) = await OidcFlow.TokenAsync(http, new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "bapenda-backend",
            ["client_secret"] = secret + "x",
            ["scope"] = "agency:bapenda",
        });

        Assert.Equal(HttpStatusCode.OK, status);
        var claims = OidcFlow.Payload(token.GetProperty("access_token").GetString()!);
        Assert.Equal("bapenda-backend", claims.GetProperty("sub").GetString());
        Assert.Equal("agency:bapenda", claims.GetProperty("scope").GetString());
        Assert.NotEqual(HttpStatusCode.OK, wrongStatus);
        Assert.Equal("invalid_client", wrong.GetProperty("error").GetString());
    }

    /// <summary>Starts the flow, signs in when asked, and returns the consent page the flow lands on.</summary>
    private static async Task<string> ConsentPageAsync(BrowserSession browser, string clientId, string redirect, string login)
    {
        var url = OidcFlow.AuthorizeUrl(clientId, redirect, OidcFlow.NewPkce().Challenge);
        var loginPage = BrowserSession.Location(await browser.GetAsync(url)).OriginalString;
        var signedIn = await browser.SubmitAsync(loginPage, new Dictionary<string, string> { ["login"] = login, ["password"] = SignOn.Password, ["returnUrl"] = url });
        var consent = await browser.GetAsync(BrowserSession.Location(signedIn).OriginalString);
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        return await consent.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_revoked_refresh_token_no_longer_refreshes()
    {
        var (clientId, _, tokens) = await SignedInAsync(browser: null);
        using var http = App.CreateClient();
        var refreshToken = tokens.GetProperty("refresh_token").GetString()!;

        var revoked = await http.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = clientId,
            ["token"] = refreshToken,
            ["token_type_hint"] = "refresh_token",
        }));
        var (status, body) = await OidcFlow.RefreshAsync(http, clientId, refreshToken);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Logging_out_from_an_app_ends_the_session_and_returns_only_to_a_registered_address()
    {
        using var browser = App.NewBrowser();
        var (clientId, redirect, tokens) = await SignedInAsync(browser);
        var idToken = tokens.GetProperty("id_token").GetString()!;

        var elsewhere = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["id_token_hint"] = idToken,
            ["post_logout_redirect_uri"] = "https://evil.example/bye",
        }));
        var logout = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["id_token_hint"] = idToken,
            ["post_logout_redirect_uri"] = redirect + "/signed-out",
            ["state"] = "bye",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Null(elsewhere.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.StartsWith(redirect + "/signed-out", BrowserSession.Location(logout).ToString(), StringComparison.Ordinal);
        // The session is gone: the next authorization asks for the password again.
        var again = await browser.GetAsync(OidcFlow.AuthorizeUrl(clientId, redirect, OidcFlow.NewPkce().Challenge));
        Assert.Contains("/akun/masuk", BrowserSession.Location(again).OriginalString, StringComparison.Ordinal);
    }

    /// <summary>A new client and citizen through the whole code flow (in <paramref name="browser"/>, or a throw-away one): its tokens.</summary>
    private async Task<(string ClientId, string Redirect, System.Text.Json.JsonElement Tokens)> SignedInAsync(BrowserSession? browser)
    {
        var (clientId, redirect) = await RegisterAsync(ConsentMode.Implicit);
        var citizen = await App.CreateAccountAsync("citizen");
        using var own = browser is null ? App.NewBrowser() : null;
        var (verifier, challenge) = OidcFlow.NewPkce();
        var code = OidcFlow.CodeFrom(await OidcFlow.AuthorizeAsync(browser ?? own!, OidcFlow.AuthorizeUrl(clientId, redirect, challenge), citizen.Email!, SignOn.Password));
        using var http = App.CreateClient();
        var (_, tokens) = await OidcFlow.RedeemCodeAsync(http, clientId, redirect, code, verifier);
        return (clientId, redirect, tokens);
    }

    private async Task<(string ClientId, string Redirect)> RegisterAsync(ConsentMode consent, params string[] scopes)
    {
        var clientId = "app-" + Guid.NewGuid().ToString("N")[..10];
        var redirect = $"http://127.0.0.1:9/{clientId}/callback";
        await App.RegisterClientAsync(SignOn.PublicClient(clientId, redirect, consent, scopes));
        return (clientId, redirect);
    }
}

public sealed class SqliteSignOnFlowTests(SqliteGateway fixture) : SignOnFlowTests(fixture), IClassFixture<SqliteGateway>;

public sealed class PostgresSignOnFlowTests(PostgresGateway fixture) : SignOnFlowTests(fixture), IClassFixture<PostgresGateway>;
