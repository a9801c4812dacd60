using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Gateway.Edge.IntegrationTests;

/// <summary>
/// Three origins on one gateway: each answers only for what lives there, gateway cookies never reach an
/// agency app, an agency app cannot set one, and a page of another origin cannot make a cookie-carrying write.
/// </summary>
public sealed class OriginTests(SqliteGateway fixture) : IClassFixture<SqliteGateway>
{
    private GatewayApp App => fixture.App;
    private LegacyBackend Backend => fixture.Backend;

    [Theory]
    [InlineData(LocalOrigins.Portal, "/api/catalogue/services", HttpStatusCode.OK)]
    [InlineData(LocalOrigins.Portal, "/.well-known/openid-configuration", HttpStatusCode.OK)]
    [InlineData(LocalOrigins.Portal, "/akun/masuk", HttpStatusCode.OK)]
    [InlineData(LocalOrigins.Portal, "/api/admin/agencies", HttpStatusCode.NotFound)]
    [InlineData(LocalOrigins.Portal, "/masuk", HttpStatusCode.NotFound)]
    [InlineData(LocalOrigins.Admin, "/api/admin/agencies", HttpStatusCode.Unauthorized)]
    [InlineData(LocalOrigins.Admin, "/masuk", HttpStatusCode.OK)]
    [InlineData(LocalOrigins.Admin, "/akun/masuk", HttpStatusCode.NotFound)]
    [InlineData(LocalOrigins.Admin, "/.well-known/openid-configuration", HttpStatusCode.NotFound)]
    [InlineData(LocalOrigins.Admin, "/api/catalogue/services", HttpStatusCode.NotFound)]
    [InlineData(LocalOrigins.Apps, "/akun", HttpStatusCode.NotFound)]
    [InlineData(LocalOrigins.Apps, "/akun/masuk", HttpStatusCode.NotFound)]
    [InlineData(LocalOrigins.Apps, "/api/admin/agencies", HttpStatusCode.NotFound)]
    [InlineData(LocalOrigins.Apps, "/api/catalogue/services", HttpStatusCode.NotFound)]
    [InlineData(LocalOrigins.Apps, "/.well-known/openid-configuration", HttpStatusCode.NotFound)]
    [InlineData(LocalOrigins.Apps, "/connect/authorize", HttpStatusCode.NotFound)]
    [InlineData("127.0.0.1", "/api/catalogue/services", HttpStatusCode.NotFound)]
    [InlineData("127.0.0.1", "/healthz/live", HttpStatusCode.OK)]
    public async Task Each_origin_answers_only_for_what_lives_there(string host, string path, HttpStatusCode expected)
    {
        using var client = LocalOrigins.Client(new Uri($"http://{host}:{App.Port}"));

        var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Every_gateway_cookie_is_removed_from_a_request_to_a_public_app_that_receives_cookies()
    {
        var prefix = await ExposeAsync(forwardCookies: true);
        using var apps = App.CreateAppsClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, prefix + "/echo");
        request.Headers.Add("Cookie",
            "satupintu.session=s; satupintu.apps=a; __Host-satupintu.staff=t; satupintu.antiforgery=f; satupintu.lang=c%3Den; " +
            ".AspNetCore.Antiforgery.x=y; __Secure-satupintu.session=z; agency_session=keep-me; lang=id");

        var echo = await (await apps.SendAsync(request)).Content.ReadFromJsonAsync<EchoReply>();

        Assert.Equal("agency_session=keep-me; lang=id", echo!.Headers["Cookie"]);
    }

    [Fact]
    public async Task An_agency_app_cannot_set_a_gateway_cookie_and_its_own_cookies_stay_on_the_apps_origin()
    {
        var prefix = await ExposeAsync(forwardCookies: true);
        using var apps = App.CreateAppsClient();

        var response = await apps.GetAsync(prefix + "/cookies/set");

        var setCookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Equal(2, setCookies.Count);
        Assert.Contains(setCookies, c => c.StartsWith("plain=2", StringComparison.Ordinal));
        var theirs = Assert.Single(setCookies, c => c.StartsWith("theirs=1", StringComparison.Ordinal));
        Assert.DoesNotContain("domain", theirs, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", theirs, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_write_carrying_a_staff_cookie_from_another_origin_is_refused_and_changes_nothing()
    {
        var (_, staff) = await App.SignedInAsync("admin");
        var agency = "csrf" + Guid.NewGuid().ToString("N")[..6];
        using (staff)
        {
            var forged = await staff.SendAsync(Post("/api/admin/agencies", TestData.Agency(agency), origin: App.AppsAddress, site: "same-site"));
            var forgedWithoutMetadata = await staff.SendAsync(Post("/api/admin/agencies", TestData.Agency(agency), origin: App.AppsAddress));
            var fromPortal = await staff.SendAsync(Post("/api/admin/agencies", TestData.Agency(agency), origin: App.PortalAddress, site: "same-site"));
            var afterForgery = await staff.GetAsync($"/api/admin/agencies/{agency}");
            var own = await staff.SendAsync(Post("/api/admin/agencies", TestData.Agency(agency), origin: App.AdminAddress, site: "same-origin"));

            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
            Assert.Equal("cross-origin", (await forged.JsonAsync()).GetProperty("reason").GetString());
            Assert.Equal(HttpStatusCode.Forbidden, forgedWithoutMetadata.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, fromPortal.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, afterForgery.StatusCode);
            Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        }
    }

    [Fact]
    public async Task A_bodiless_post_or_an_upload_with_the_portal_session_from_the_apps_origin_is_refused()
    {
        var (_, citizen) = await App.SignedInAsync("citizen");
        using (citizen)
        {
            using var upload = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4"u8.ToArray()), "file", "ktp.pdf" } };
            var forgedUpload = await citizen.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/requests/BDG-X-2026-000001/documents")
            {
                Content = upload,
                Headers = { { "Origin", App.AppsAddress.GetLeftPart(UriPartial.Authority) }, { "Sec-Fetch-Site", "same-site" } },
            });
            var forgedCancel = await citizen.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/requests/BDG-X-2026-000001/cancel")
            {
                Headers = { { "Origin", App.AppsAddress.GetLeftPart(UriPartial.Authority) }, { "Sec-Fetch-Site", "same-site" } },
            });
            var ownCancel = await citizen.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/requests/BDG-X-2026-000001/cancel")
            {
                Headers = { { "Origin", App.PortalAddress.GetLeftPart(UriPartial.Authority) }, { "Sec-Fetch-Site", "same-origin" } },
            });

            Assert.Equal(HttpStatusCode.Forbidden, forgedUpload.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, forgedCancel.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, ownCancel.StatusCode); // reached the endpoint: there is no such request
        }
    }

    [Fact]
    public async Task The_gateway_s_pages_carry_security_headers_and_the_proxied_apps_keep_their_own()
    {
        var prefix = await ExposeAsync(forwardCookies: false);
        using var portal = App.CreateClient();
        using var apps = App.CreateAppsClient();

        var page = await portal.GetAsync("/akun/masuk");
        var proxied = await apps.GetAsync(prefix + "/echo");
        var html = await page.Content.ReadAsStringAsync();

        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.False(proxied.Headers.Contains("Content-Security-Policy"), "an agency app's answers are its own");
    }

    private static HttpRequestMessage Post(string path, JsonObject body, Uri origin, string? site = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Origin", origin.GetLeftPart(UriPartial.Authority));
        if (site is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", site);
        }

        return request;
    }

    private async Task<string> ExposeAsync(bool forwardCookies)
    {
        var agency = "o" + Guid.NewGuid().ToString("N")[..8];
        await App.CreateAgencyAsync(agency);
        var exposure = TestData.Exposure(Backend.Address);
        exposure["forwardClientCookies"] = forwardCookies;
        using var admin = App.CreateAdminClient();
        await (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service("svc-" + agency, agency, exposure))).EnsureSuccessAsync();
        return $"/{agency}/svc-{agency}";
    }
}
