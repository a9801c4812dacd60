using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace Gateway.Testing;

/// <summary>The steps of the authorization code flow, done by hand so tests can alter any of them.</summary>
public static class OidcFlow
{
    public static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(string clientId, string redirectUri, string? challenge, string method = "S256",
        string scope = "openid profile email offline_access roles", string? extra = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = "st-" + Guid.NewGuid().ToString("N"),
            ["nonce"] = "n-" + Guid.NewGuid().ToString("N"),
        };
        if (challenge is not null)
        {
            query["code_challenge"] = challenge;
            query["code_challenge_method"] = method;
        }

        return QueryHelpers.AddQueryString("/connect/authorize", query) + (extra ?? string.Empty);
    }

    /// <summary>Signs in on the gateway's page when asked and returns the redirect back to the client.</summary>
    public static async Task<Uri> AuthorizeAsync(BrowserSession browser, string authorizeUrl, string login, string password)
    {
        var response = await browser.GetAsync(authorizeUrl);
        if (BrowserSession.IsRedirect(response.StatusCode) && BrowserSession.Location(response).OriginalString.Contains("/akun/masuk", StringComparison.Ordinal))
        {
            var loginPage = BrowserSession.Location(response).OriginalString;
            var signedIn = await browser.SubmitAsync(loginPage, new Dictionary<string, string>
            {
                ["login"] = login,
                ["password"] = password,
                ["returnUrl"] = QueryHelpers.ParseQuery(new Uri(new Uri("http://x"), loginPage).Query)["ReturnUrl"].ToString(),
            });
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            response = await browser.GetAsync(BrowserSession.Location(signedIn).OriginalString);
        }

        Assert.True(BrowserSession.IsRedirect(response.StatusCode), $"authorize answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return BrowserSession.Location(response);
    }

    public static string CodeFrom(Uri callback)
    {
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.True(query.ContainsKey("code"), $"no code in {callback}");
        return query["code"].ToString();
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(HttpClient http, Dictionary<string, string> form)
    {
        var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public static Task<(HttpStatusCode Status, JsonElement Body)> RedeemCodeAsync(HttpClient http, string clientId, string redirectUri, string code, string verifier) =>
        TokenAsync(http, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["code"] = code,
            ["code_verifier"] = verifier,
        });

    public static Task<(HttpStatusCode Status, JsonElement Body)> RefreshAsync(HttpClient http, string clientId, string refreshToken) =>
        TokenAsync(http, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = clientId,
            ["refresh_token"] = refreshToken,
        });

    /// <summary>The payload of a JWT, decoded without checking it (the tests check what is inside).</summary>
    public static JsonElement Payload(string jwt) =>
        JsonDocument.Parse(Base64UrlDecode(jwt.Split('.')[1])).RootElement.Clone();

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Base64UrlDecode(string value)
    {
        var padded = value.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
