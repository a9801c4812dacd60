using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.Identity.Clients;

namespace Gateway.Identity.IntegrationTests;

/// <summary>Registering clients and accounts through the admin API, and who may use it.</summary>
public sealed class AdminApiTests(SqliteGateway fixture) : IClassFixture<SqliteGateway>
{
    private GatewayApp App => fixture.App;

    [Theory]
    [InlineData("""{"clientId":"x1-app","displayName":"X","kind":"public","redirectUris":["https://*.example.org/cb"],"scopes":["openid"],"grants":["authorizationCode"]}""", "redirectUris[0]")]
    [InlineData("""{"clientId":"x2-app","displayName":"X","kind":"public","redirectUris":["http://example.org/cb"],"scopes":["openid"],"grants":["authorizationCode"]}""", "redirectUris[0]")]
    [InlineData("""{"clientId":"x3-app","displayName":"X","kind":"public","redirectUris":["https://example.org/cb#x"],"scopes":["openid"],"grants":["authorizationCode"]}""", "redirectUris[0]")]
    [InlineData("""{"clientId":"x4-app","displayName":"X","kind":"public","redirectUris":[],"scopes":["openid"],"grants":["clientCredentials"]}""", "grants[0]")]
    [InlineData("""{"clientId":"x5-app","displayName":"X","kind":"confidential","redirectUris":[],"scopes":["agency:nowhere"],"grants":["clientCredentials"]}""", "scopes[0]")]
    [InlineData("""{"clientId":"X6 App","displayName":"X","kind":"public","redirectUris":["https://example.org/cb"],"scopes":["openid"],"grants":["authorizationCode"]}""", "clientId")]
    public async Task A_client_registration_with_a_bad_field_is_refused_naming_it(string body, string field)
    {
        using var admin = App.CreateAdminClient();

        var response = await admin.PostAsync("/api/admin/clients", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task An_officer_created_by_an_administrator_signs_in_with_the_temporary_password()
    {
        await App.CreateAgencyAsync("dishub");
        using var admin = App.CreateAdminClient();

        var response = await admin.PostAsJsonAsync("/api/admin/accounts", new JsonObject
        {
            ["role"] = "officer",
            ["fullName"] = "Petugas ATCS",
            ["email"] = "atcs@dishub.example.org",
            ["agencyCode"] = "dishub",
        });
        var created = await response.JsonAsync();
        using var browser = App.NewBrowser();
        var signedIn = await browser.SubmitAsync("/akun/masuk", new Dictionary<string, string>
        {
            ["login"] = "atcs@dishub.example.org",
            ["password"] = created.GetProperty("temporaryPassword").GetString()!,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("dishub", created.GetProperty("account").GetProperty("agencyCode").GetString());
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var listed = await (await admin.GetAsync("/api/admin/accounts?role=officer&agencyCode=dishub")).JsonAsync();
        Assert.Contains(listed.EnumerateArray(), a => a.GetProperty("fullName").GetString() == "Petugas ATCS");
    }

    [Theory]
    [InlineData("""{"role":"officer","fullName":"A","email":"a@example.org","agencyCode":"nowhere"}""", "agencyCode")]
    [InlineData("""{"role":"citizen","fullName":"Budi","email":"b@example.org","nik":"3273013102900001"}""", "nik")]
    [InlineData("""{"role":"mayor","fullName":"Budi","email":"c@example.org"}""", "role")]
    [InlineData("""{"role":"admin","fullName":"Budi"}""", "email")]
    public async Task An_account_with_a_bad_field_is_refused_naming_it(string body, string field)
    {
        using var admin = App.CreateAdminClient();

        var response = await admin.PostAsync("/api/admin/accounts", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task The_admin_API_takes_an_administrator_s_staff_session_and_never_a_portal_session()
    {
        var administrator = await App.CreateAccountAsync("admin");
        var citizen = await App.CreateAccountAsync("citizen");
        using var staff = App.NewStaffBrowser();
        var staffSignIn = await staff.SubmitAsync("/masuk", new Dictionary<string, string> { ["login"] = administrator.Email!, ["password"] = SignOn.Password });
        // The same administrator signed in on the portal: that session is worth nothing on the admin origin.
        using var portal = App.NewBrowser();
        await portal.SubmitAsync("/akun/masuk", new Dictionary<string, string> { ["login"] = administrator.Email!, ["password"] = SignOn.Password });
        var portalSession = portal.Cookies.GetCookies(App.PortalAddress)["satupintu.session"];
        Assert.NotNull(portalSession);
        using var replayed = App.CreateAdministrationClient();
        replayed.DefaultRequestHeaders.Add("Cookie", $"{portalSession.Name}={portalSession.Value}");
        using var citizenAtStaffDoor = App.NewStaffBrowser();
        var citizenSignIn = await citizenAtStaffDoor.SubmitAsync("/masuk", new Dictionary<string, string> { ["login"] = citizen.Email!, ["password"] = SignOn.Password });
        using var anonymous = App.CreateAdministrationClient();

        Assert.Equal(HttpStatusCode.Redirect, staffSignIn.StatusCode);
        Assert.Contains(staff.Cookies.GetCookies(App.AdminAddress), c => c.Name == "satupintu.staff" && c.HttpOnly);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/admin/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replayed.GetAsync("/api/admin/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, citizenSignIn.StatusCode);
        Assert.Contains("petugas", await citizenSignIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(citizenAtStaffDoor.Cookies.GetCookies(App.AdminAddress), c => c.Name == "satupintu.staff");
        var refused = await anonymous.GetAsync("/api/admin/clients");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Bearer", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        // The staff home page's sign-out button works (its form names an action, so it must ask for its antiforgery token).
        var signedOut = await staff.SubmitAsync("/", new Dictionary<string, string>(), postUrl: "/keluar");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync("/api/admin/clients")).StatusCode);
    }

    [Fact]
    public async Task The_gateway_registers_its_own_portal_client_and_an_administrator_cannot_remove_it()
    {
        using var admin = App.CreateAdminClient();

        var portal = await (await admin.GetAsync("/api/admin/clients/portal-warga")).JsonAsync();
        var refused = await admin.DeleteAsync("/api/admin/clients/portal-warga");

        Assert.Equal($"{App.PortalAddress.GetLeftPart(UriPartial.Authority)}/portal/callback", portal.GetProperty("redirectUris")[0].GetString());
        Assert.Equal(System.Net.HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Portal Warga", (await refused.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.GetAsync("/api/admin/clients/portal-warga")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_admin_key_is_refused_with_a_problem_that_says_so()
    {
        using var client = App.CreateAdministrationClient();
        client.DefaultRequestHeaders.Add("X-Admin-Key", "not-the-key-0123456789abcdef");

        var response = await client.GetAsync("/api/admin/clients");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("admin", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }
}
