using System.Net;
using System.Net.Http.Headers;
using Gateway.Identity.Clients;
using Microsoft.AspNetCore.WebUtilities;

namespace Gateway.Identity.IntegrationTests;

/// <summary>What an attacker tries against the sign-in server, refused.</summary>
public sealed class SecurityTests(SqliteGateway fixture) : IClassFixture<SqliteGateway>
{
    private GatewayApp App => fixture.App;

    [Theory]
    [InlineData("http://127.0.0.1:9/evil/callback")]          // not registered at all
    [InlineData("{0}/../../evil")]                              // registered one, altered
    [InlineData("{0}?next=http://evil.example")]                // registered one plus a query
    [InlineData("{0}x")]                                        // registered one plus a character
    [InlineData("HTTP://127.0.0.1:9/{1}/CALLBACK")]            // case changed
    public async Task An_unregistered_or_altered_redirect_uri_is_refused_without_redirecting(string template)
    {
        var (clientId, redirect) = await RegisterAsync();
        using var browser = App.NewBrowser();
        var attempted = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, redirect, clientId);

        var response = await browser.GetAsync(OidcFlow.AuthorizeUrl(clientId, attempted, OidcFlow.NewPkce().Challenge));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_public_client_without_PKCE_gets_no_code()
    {
        var (clientId, redirect) = await RegisterAsync();
        var citizen = await App.CreateAccountAsync("citizen");
        using var browser = App.NewBrowser();
        await SignInAsync(browser, citizen.Email!);

        var response = await browser.GetAsync(OidcFlow.AuthorizeUrl(clientId, redirect, challenge: null));

        AssertRefusedWithoutCode(response, "invalid_request");
    }

    [Fact]
    public async Task A_plain_PKCE_challenge_is_refused()
    {
        var (clientId, redirect) = await RegisterAsync();
        var citizen = await App.CreateAccountAsync("citizen");
        using var browser = App.NewBrowser();
        await SignInAsync(browser, citizen.Email!);
        var (verifier, _) = OidcFlow.NewPkce();

        var response = await browser.GetAsync(OidcFlow.AuthorizeUrl(clientId, redirect, challenge: verifier, method: "plain"));

        AssertRefusedWithoutCode(response, "invalid_request");
    }

    [Fact]
    public async Task A_code_redeemed_with_the_wrong_verifier_gives_no_tokens()
    {
        var (clientId, redirect, code, _) = await CodeForNewCitizenAsync();
        using var http = App.CreateClient();

        var (status, body) = await OidcFlow.RedeemCodeAsync(http, clientId, redirect, code, OidcFlow.NewPkce().Verifier);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_replayed_code_is_refused_and_the_tokens_it_gave_are_revoked()
    {
        var (clientId, redirect, code, verifier) = await CodeForNewCitizenAsync();
        using var http = App.CreateClient();

        var (firstStatus, first) = await OidcFlow.RedeemCodeAsync(http, clientId, redirect, code, verifier);
        var (replayStatus, replay) = await OidcFlow.RedeemCodeAsync(http, clientId, redirect, code, verifier);
        var (refreshStatus, refresh) = await OidcFlow.RefreshAsync(http, clientId, first.GetProperty("refresh_token").GetString()!);

        Assert.Equal(HttpStatusCode.OK, firstStatus);
        Assert.Equal(HttpStatusCode.BadRequest, replayStatus);
        Assert.Equal("invalid_grant", replay.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, refreshStatus);
        Assert.Equal("invalid_grant", refresh.GetProperty("error").GetString());
        Assert.False(await IsActiveAsync(http, first.GetProperty("access_token").GetString()!), "the first access token must be revoked");
    }

    [Fact]
    public async Task Reusing_a_refresh_token_revokes_the_whole_family()
    {
        var (clientId, redirect, code, verifier) = await CodeForNewCitizenAsync();
        using var http = App.CreateClient();
        var (_, tokens) = await OidcFlow.RedeemCodeAsync(http, clientId, redirect, code, verifier);
        var original = tokens.GetProperty("refresh_token").GetString()!;

        var (rotatedStatus, rotated) = await OidcFlow.RefreshAsync(http, clientId, original);
        var (reuseStatus, _) = await OidcFlow.RefreshAsync(http, clientId, original);
        var (afterStatus, after) = await OidcFlow.RefreshAsync(http, clientId, rotated.GetProperty("refresh_token").GetString()!);

        Assert.Equal(HttpStatusCode.OK, rotatedStatus);
        Assert.NotEqual(original, rotated.GetProperty("refresh_token").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, reuseStatus);
        Assert.Equal(HttpStatusCode.BadRequest, afterStatus);
        Assert.Equal("invalid_grant", after.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var citizen = await App.CreateAccountAsync("citizen");
        using var browser = App.NewBrowser();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await browser.SubmitAsync("/akun/masuk", new Dictionary<string, string> { ["login"] = citizen.Nik!, ["password"] = "salah-" + attempt });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await browser.SubmitAsync("/akun/masuk", new Dictionary<string, string> { ["login"] = citizen.Nik!, ["password"] = SignOn.Password });
        var html = await right.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("dikunci sementara", html, StringComparison.Ordinal);
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), c => c.Name == "satupintu.session");
    }

    [Fact]
    public async Task A_sign_in_form_posted_without_its_antiforgery_token_is_refused()
    {
        var citizen = await App.CreateAccountAsync("citizen");
        using var browser = App.NewBrowser();
        await browser.GetAsync("/akun/masuk"); // has the antiforgery cookie, as a victim's browser would

        var response = await browser.PostWithoutTokenAsync("/akun/masuk", new Dictionary<string, string> { ["login"] = citizen.Nik!, ["password"] = SignOn.Password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), c => c.Name == "satupintu.session");
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    public async Task Signing_in_never_redirects_off_the_gateway(string returnUrl)
    {
        var citizen = await App.CreateAccountAsync("citizen");
        using var browser = App.NewBrowser();

        var response = await browser.SubmitAsync("/akun/masuk", new Dictionary<string, string>
        {
            ["login"] = citizen.Nik!,
            ["password"] = SignOn.Password,
            ["returnUrl"] = returnUrl,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/akun", BrowserSession.Location(response).OriginalString);
    }

    [Fact]
    public async Task Prompt_none_without_a_session_answers_login_required_to_the_client()
    {
        var (clientId, redirect) = await RegisterAsync();
        using var browser = App.NewBrowser();

        var response = await browser.GetAsync(OidcFlow.AuthorizeUrl(clientId, redirect, OidcFlow.NewPkce().Challenge, extra: "&prompt=none"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("login_required", QueryHelpers.ParseQuery(BrowserSession.Location(response).Query)["error"].ToString());
    }

    private static void AssertRefusedWithoutCode(HttpResponseMessage response, string error)
    {
        if (response.Headers.Location is { } location)
        {
            var query = QueryHelpers.ParseQuery(location.Query);
            Assert.Equal(error, query["error"].ToString());
            Assert.False(query.ContainsKey("code"));
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    private static async Task SignInAsync(BrowserSession browser, string login)
    {
        var response = await browser.SubmitAsync("/akun/masuk", new Dictionary<string, string> { ["login"] = login, ["password"] = SignOn.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Asks the introspection endpoint, as a confidential client (a resource server) would.</summary>
    private async Task<bool> IsActiveAsync(HttpClient http, string accessToken)
    {
        var introspector = "introspector-" + Guid.NewGuid().ToString("N")[..8];
        var secret = await App.RegisterClientAsync(new ClientInput(
            introspector, "Introspector", ClientKind.Confidential, ConsentMode.Implicit, [], [], [], [ClientGrant.ClientCredentials]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/introspect")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = accessToken }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{introspector}:{secret}")));
        var result = await (await http.SendAsync(request)).JsonAsync();
        return result.GetProperty("active").GetBoolean();
    }

    /// <summary>A new client and citizen, signed in through the flow: the code and its PKCE verifier.</summary>
    private async Task<(string ClientId, string Redirect, string Code, string Verifier)> CodeForNewCitizenAsync()
    {
        var (clientId, redirect) = await RegisterAsync();
        var citizen = await App.CreateAccountAsync("citizen");
        using var browser = App.NewBrowser();
        var (verifier, challenge) = OidcFlow.NewPkce();
        var callback = await OidcFlow.AuthorizeAsync(browser, OidcFlow.AuthorizeUrl(clientId, redirect, challenge), citizen.Email!, SignOn.Password);
        return (clientId, redirect, OidcFlow.CodeFrom(callback), verifier);
    }

    private async Task<(string ClientId, string Redirect)> RegisterAsync()
    {
        var clientId = "sec-" + Guid.NewGuid().ToString("N")[..10];
        var redirect = $"http://127.0.0.1:9/{clientId}/callback";
        await App.RegisterClientAsync(SignOn.PublicClient(clientId, redirect));
        return (clientId, redirect);
    }
}
