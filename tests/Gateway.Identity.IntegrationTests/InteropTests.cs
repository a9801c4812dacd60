using Duende.IdentityModel.OidcClient;
using Duende.IdentityModel.OidcClient.Browser;

namespace Gateway.Identity.IntegrationTests;

/// <summary>
/// An independent, certified OpenID Connect client library (Duende.IdentityModel.OidcClient) against the
/// running server: discovery, code + PKCE, ID token validation with the JWKS, refresh and userinfo.
/// </summary>
public sealed class InteropTests(SqliteGateway fixture) : IClassFixture<SqliteGateway>
{
    private GatewayApp App => fixture.App;

    [Fact]
    public async Task OidcClient_signs_in_refreshes_and_reads_userinfo()
    {
        var citizen = await App.CreateAccountAsync("citizen");
        const string redirect = "http://127.0.0.1:9/oidcclient/callback";
        await App.RegisterClientAsync(SignOn.PublicClient("oidcclient-interop", redirect));
        using var browser = App.NewBrowser();
        using var http = App.CreateClient();
        var client = new OidcClient(new OidcClientOptions
        {
            Authority = http.BaseAddress!.ToString(),
            ClientId = "oidcclient-interop",
            RedirectUri = redirect,
            Scope = "openid profile email offline_access roles",
            Browser = new SignInFormBrowser(browser, citizen.Email!, SignOn.Password),
            LoadProfile = true,
        });

        var login = await client.LoginAsync();
        Assert.False(login.IsError, login.Error + " " + login.ErrorDescription);
        Assert.Equal(citizen.Id.ToString(), login.User.FindFirst("sub")?.Value);
        Assert.Equal(citizen.FullName, login.User.FindFirst("name")?.Value);
        Assert.Equal(citizen.Email, login.User.FindFirst("email")?.Value); // from userinfo (LoadProfile)

        var refreshed = await client.RefreshTokenAsync(login.RefreshToken);
        Assert.False(refreshed.IsError, refreshed.Error + " " + refreshed.ErrorDescription);
        Assert.NotEqual(login.RefreshToken, refreshed.RefreshToken);

        var userInfo = await client.GetUserInfoAsync(refreshed.AccessToken);
        Assert.False(userInfo.IsError, userInfo.Error);
        Assert.Contains(userInfo.Claims, c => c.Type == "role" && c.Value == "citizen");
    }

    /// <summary>OidcClient's "browser": fills in the gateway's sign-in form and hands back the redirect to the app.</summary>
    private sealed class SignInFormBrowser(BrowserSession browser, string login, string password) : IBrowser
    {
        public async Task<BrowserResult> InvokeAsync(BrowserOptions options, CancellationToken cancellationToken = default)
        {
            var callback = await OidcFlow.AuthorizeAsync(browser, options.StartUrl, login, password);
            return new BrowserResult { ResultType = BrowserResultType.Success, Response = callback.ToString() };
        }
    }
}
