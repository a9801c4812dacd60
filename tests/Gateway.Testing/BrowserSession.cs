using System.Net;
using System.Text.RegularExpressions;

namespace Gateway.Testing;

/// <summary>
/// A browser without the browser: keeps cookies, does not follow redirects (tests look at each hop),
/// and submits the gateway's forms with their antiforgery token, as a person at a keyboard would.
/// </summary>
public sealed partial class BrowserSession : IDisposable
{
    private readonly HttpClient _client;

    public BrowserSession(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _client = new HttpClient(LocalOrigins.Handler(Cookies, followRedirects: false))
        {
            BaseAddress = baseAddress,
        };
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string url) => _client.GetAsync(url);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _client.SendAsync(request);

    /// <summary>GETs the page with the form, then posts <paramref name="fields"/> with the page's antiforgery token to the form's page.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, IDictionary<string, string> fields, string? postUrl = null)
    {
        var page = await _client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        if (page.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {pageUrl} answered {(int)page.StatusCode}: {html}");
        }

        return await PostWithTokenAsync(postUrl ?? pageUrl, html, fields);
    }

    /// <summary>Posts a form of an HTML page already fetched (e.g. the consent page reached by a redirect).</summary>
    public Task<HttpResponseMessage> PostWithTokenAsync(string url, string html, IDictionary<string, string> fields)
    {
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken(html) };
        return _client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    /// <summary>Posts a form without any antiforgery token (what a forged cross-site form would send).</summary>
    public Task<HttpResponseMessage> PostWithoutTokenAsync(string url, IDictionary<string, string> fields) =>
        _client.PostAsync(url, new FormUrlEncodedContent(fields));

    /// <summary>
    /// Follows redirects on this gateway — across its three origins, which share one port — until a page
    /// answers or the next hop leaves the gateway; returns the last response.
    /// </summary>
    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response, int maxHops = 10)
    {
        var current = response.RequestMessage?.RequestUri ?? _client.BaseAddress!;
        for (var hop = 0; hop < maxHops && IsRedirect(response.StatusCode); hop++)
        {
            var location = new Uri(current, Location(response));
            if (location.Port != _client.BaseAddress!.Port || !LocalOrigins.IsLocalName(location.Host))
            {
                return response;
            }

            response = await _client.GetAsync(location);
            current = location;
        }

        return response;
    }

    public static Uri Location(HttpResponseMessage response) =>
        response.Headers.Location ?? throw new InvalidOperationException($"No Location header on a {(int)response.StatusCode} answer.");

    public static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("The page has no antiforgery token.");
    }

    /// <summary>The hidden inputs of the page's first form, e.g. the authorization request the consent page carries.</summary>
    public static Dictionary<string, string> HiddenFields(string html) =>
        HiddenPattern().Matches(html)
            .Where(m => m.Groups[1].Value != "__RequestVerificationToken")
            .GroupBy(m => m.Groups[1].Value)
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[2].Value));

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenPattern();
}
