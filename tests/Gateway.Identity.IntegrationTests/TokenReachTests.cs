using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Gateway.Identity.Clients;

namespace Gateway.Identity.IntegrationTests;

/// <summary>
/// How far a token reaches: an agency app's token opens that agency's routes only, the city's portal
/// reaches all; an officer's or administrator's access ends within seconds of being disabled or signed
/// out, not when the token expires.
/// </summary>
public sealed class TokenReachTests(SqliteGateway fixture) : IClassFixture<SqliteGateway>
{
    private static readonly TimeSpan WithinSeconds = TimeSpan.FromSeconds(12);

    private GatewayApp App => fixture.App;

    [Fact]
    public async Task A_token_issued_to_one_agency_s_app_is_refused_on_another_agency_s_routes_and_the_city_s_portal_reaches_all()
    {
        var prefixA = await ExposeCitizenServiceAsync(out var agencyA);
        var prefixB = await ExposeCitizenServiceAsync(out _);
        var citizen = await App.CreateAccountAsync("citizen");
        var agencyAppToken = await TokenForClientAsync(citizen.Email!, agencyA);
        var portalToken = await App.AccessTokenAsync(citizen.Email!);
        using var apps = App.CreateAppsClient();

        Assert.Contains("satupintu:agency:" + agencyA, Audiences(agencyAppToken));
        Assert.Contains("satupintu:city", Audiences(portalToken));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(apps, prefixA, agencyAppToken));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(apps, prefixB, agencyAppToken));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(apps, prefixA, portalToken));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(apps, prefixB, portalToken));
    }

    [Fact]
    public async Task A_disabled_officer_s_token_and_staff_cookie_stop_working_within_seconds_and_come_back_when_enabled()
    {
        var agency = "t" + Guid.NewGuid().ToString("N")[..8];
        var officersApp = await ExposeAsync(agency, "agencyOfficer");
        var (officer, staffBrowser) = await App.SignedInAsync("officer", agency);
        using (staffBrowser)
        {
            var token = await App.AccessTokenAsync(officer.Email!);
            using var api = App.CreateAdministrationClient();
            using var apps = App.CreateAppsClient();
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/agency/requests")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await staffBrowser.GetAsync("/api/agency/requests")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, await GetAsync(apps, officersApp, token));

            using var admin = App.CreateAdminClient();
            await (await admin.PostAsync($"/api/admin/accounts/{officer.Id}/disable", null)).EnsureSuccessAsync();

            await Eventually.HoldsAsync(async () => (await api.GetAsync("/api/agency/requests")).StatusCode == HttpStatusCode.Unauthorized,
                "the disabled officer's token to be refused", WithinSeconds);
            await Eventually.HoldsAsync(async () => (await staffBrowser.GetAsync("/api/agency/requests")).StatusCode == HttpStatusCode.Unauthorized,
                "the disabled officer's staff cookie to be refused", WithinSeconds);
            // The proxy finds callers its own way (a cached token is not re-validated): revocation holds there too.
            Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(apps, officersApp, token));
            using var again = App.NewStaffBrowser();
            var signIn = await again.SubmitAsync("/masuk", new Dictionary<string, string> { ["login"] = officer.Email!, ["password"] = SignOn.Password });
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode); // refused: shown the page again

            await (await admin.PostAsync($"/api/admin/accounts/{officer.Id}/enable", null)).EnsureSuccessAsync();
            var fresh = await App.AccessTokenAsync(officer.Email!);
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
            await Eventually.HoldsAsync(async () => (await api.GetAsync("/api/agency/requests")).StatusCode == HttpStatusCode.OK,
                "the enabled officer's new token to work", WithinSeconds);
        }
    }

    [Fact]
    public async Task An_administrator_signed_out_everywhere_loses_the_admin_api_within_seconds()
    {
        var administrator = await App.CreateAccountAsync("admin");
        var token = await App.AccessTokenAsync(administrator.Email!);
        using var api = App.CreateAdministrationClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/admin/clients")).StatusCode);

        using var admin = App.CreateAdminClient();
        await (await admin.PostAsync($"/api/admin/accounts/{administrator.Id}/sign-out", null)).EnsureSuccessAsync();

        await Eventually.HoldsAsync(async () => (await api.GetAsync("/api/admin/clients")).StatusCode == HttpStatusCode.Unauthorized,
            "the signed-out administrator's token to be refused", WithinSeconds);
    }

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path + "/x");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.SendAsync(request)).StatusCode;
    }

    private static List<string> Audiences(string token)
    {
        var aud = OidcFlow.Payload(token).GetProperty("aud");
        return aud.ValueKind == System.Text.Json.JsonValueKind.Array ? [.. aud.EnumerateArray().Select(a => a.GetString()!)] : [aud.GetString()!];
    }

    private async Task<string> TokenForClientAsync(string login, string agency)
    {
        var clientId = "app-" + agency;
        var redirect = $"http://127.0.0.1:9/{clientId}/callback";
        await App.RegisterClientAsync(SignOn.PublicClient(clientId, redirect) with { AgencyCode = agency });
        using var browser = App.NewBrowser();
        var (verifier, challenge) = OidcFlow.NewPkce();
        var code = OidcFlow.CodeFrom(await OidcFlow.AuthorizeAsync(browser, OidcFlow.AuthorizeUrl(clientId, redirect, challenge), login, SignOn.Password));
        using var http = App.CreateClient();
        var (_, tokens) = await OidcFlow.RedeemCodeAsync(http, clientId, redirect, code, verifier);
        return tokens.GetProperty("access_token").GetString()!;
    }

    private Task<string> ExposeCitizenServiceAsync(out string agency)
    {
        agency = "r" + Guid.NewGuid().ToString("N")[..8];
        return ExposeAsync(agency, "citizen");
    }

    private async Task<string> ExposeAsync(string agency, string access)
    {
        await App.CreateAgencyAsync(agency);
        using var admin = App.CreateAdminClient();
        var exposure = TestData.Exposure(new Uri(fixture.Backend.Address, "echo/"), access: access);
        await (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service("svc-" + agency, agency, exposure))).EnsureSuccessAsync();
        return $"/{agency}/svc-{agency}";
    }
}
