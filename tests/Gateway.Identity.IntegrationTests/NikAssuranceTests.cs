using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Adapters.Disdukcapil;
using Adapters.Disdukcapil.LegacyApp;
using Gateway.Adapters.SampleHost;
using Gateway.Adapters.Sdk.Service;
using Gateway.Identity.Persistence;
using Gateway.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Gateway.Identity.IntegrationTests;

/// <summary>
/// A gateway, a sample SIAK and the Disdukcapil adapter service in front of it (the civil registry check),
/// an agency that is allowed to see NIKs, and two services that need a verified NIK: one exposed on the
/// proxy, one taking requests through the adapter service.
/// </summary>
public sealed class NikGateway : IAsyncLifetime
{
    public const string SiakKey = "siak-key-for-nik-tests-000001";
    public const string Agency = "disdukcapil";
    public const string AdapterKey = "adapter-key-for-nik-tests-000000000001";
    public const string StrictService = "kartu-keluarga";
    public const string StrictRequestService = "akta-kelahiran";
    public const string OpenService = "antrian-loket";

    public GatewayApp App { get; private set; } = null!;
    public SampleLegacyApp Siak { get; private set; } = null!;
    public AdapterServiceApp Adapter { get; private set; } = null!;
    public LegacyBackend Backend { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Siak = await SiakApp.StartAsync(SiakKey);
        Backend = await LegacyBackend.StartAsync();
        App = await GatewayApp.StartAsync(DatabaseKind.Sqlite, settings: new Dictionary<string, string?>
        {
            ["Requests:CivilRegistryService"] = StrictRequestService,
            ["Identity:ForwardedIdentity:AgenciesSeeingNik:0"] = Agency,
        });
        Adapter = await AdapterServices.StartAsync(b => b.AddDisdukcapilService(), a => a.MapDisdukcapilService(),
            DisdukcapilRegistration.Name, Agency, AdapterKey, App, (Siak.BaseAddress, SiakApp.KeyHeader, SiakKey));
        await App.CreateAgencyAsync(Agency);
        using var admin = App.CreateAdminClient();
        var exposed = TestData.Service(StrictService, Agency, TestData.Exposure(new Uri(Backend.Address, "echo/"), access: "citizen"));
        exposed["citizenAssurance"] = "verifiedNik";
        await (await admin.PostAsJsonAsync("/api/admin/services", exposed)).EnsureSuccessAsync();
        var filed = TestData.Service(StrictRequestService, Agency, AdapterServices.Exposure(Adapter.BaseAddress, AdapterKey));
        filed["citizenAssurance"] = "verifiedNik";
        filed["requestForm"] = JsonNode.Parse("""{ "type": "object", "properties": { "alasan": { "type": "string" } } }""");
        await (await admin.PostAsJsonAsync("/api/admin/services", filed)).EnsureSuccessAsync();
        var open = TestData.Service(OpenService, Agency, TestData.Exposure(new Uri(Backend.Address, "echo/"), access: "citizen"));
        await (await admin.PostAsJsonAsync("/api/admin/services", open)).EnsureSuccessAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Adapter.DisposeAsync();
        await Siak.DisposeAsync();
        await Backend.DisposeAsync();
    }
}

/// <summary>
/// A NIK typed at registration is only claimed; it is verified at a counter or by the civil registry, and
/// only a verified NIK reaches agencies or opens services that need one.
/// </summary>
public sealed class NikAssuranceTests(NikGateway fixture) : IClassFixture<NikGateway>
{
    private GatewayApp App => fixture.App;

    [Fact]
    public async Task A_self_registered_NIK_is_only_claimed_and_goes_to_no_agency()
    {
        var (nik, email, _) = await RegisterAsync("Rudi Hartono");

        var token = await App.AccessTokenAsync(email, "openid profile roles nik");
        var claims = OidcFlow.Payload(token);
        var forwarded = await ForwardedIdentityAsync(token);

        Assert.Equal("claimed", claims.GetProperty("nik_assurance").GetString());
        Assert.False(claims.TryGetProperty("nik", out _), "a claimed NIK is in no token");
        Assert.Equal(0, await OutboxCountAsync("CitizenRegistered", nik));
        Assert.False(forwarded.TryGetClaim("nik", out _), "an agency allowed NIKs still gets no claimed one");
        Assert.Equal("claimed", forwarded.GetClaim("nik_assurance").Value);
    }

    [Fact]
    public async Task An_officer_at_a_counter_verifies_a_NIK_which_is_recorded_and_announced_once()
    {
        var (nik, email, _) = await RegisterAsync("Lina Marlina");
        var (officer, staff) = await App.SignedInAsync("officer", "mpp");
        using (staff)
        {
            var badNik = await staff.SendAsync(CounterRequest(email, "1234"));
            var verified = await staff.SendAsync(CounterRequest(email, nik));
            var again = await staff.SendAsync(CounterRequest(email, nik));

            Assert.Equal(HttpStatusCode.BadRequest, badNik.StatusCode);
            Assert.True((await badNik.JsonAsync()).GetProperty("errors").TryGetProperty("nik", out _));
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
            var view = await verified.JsonAsync();
            Assert.Equal("verified", view.GetProperty("assurance").GetString());
            Assert.Equal("counter", view.GetProperty("method").GetString());
            Assert.Equal(officer.Id.ToString(), view.GetProperty("verifiedBy").GetString());
            Assert.Equal(nik[..6] + "******" + nik[12..], view.GetProperty("maskedNik").GetString());
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(1, await OutboxCountAsync("CitizenRegistered", nik));
        }

        // Now the NIK is in the tokens and reaches the agency allowed to see it.
        var token = await App.AccessTokenAsync(email, "openid profile roles nik");
        Assert.Equal(nik, OidcFlow.Payload(token).GetProperty("nik").GetString());
        Assert.Equal(nik, (await ForwardedIdentityAsync(token)).GetClaim("nik").Value);

        // The resident's own page names the officer who acted for them at the counter, and the app that got
        // their NIK in its token.
        using var portal = App.CreateClient();
        portal.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var mine = (await portal.GetFromJsonAsync<JsonElement>("/api/me/data-access")).EnumerateArray().ToList();
        var atCounter = Assert.Single(mine, e => e.GetProperty("action").GetString() == "identity.nik.verified");
        Assert.True(atCounter.GetProperty("atCounter").GetBoolean());
        Assert.Equal("Petugas MPP", atCounter.GetProperty("who").GetString());
        var app = OidcFlow.Payload(token).GetProperty("client_id").GetString();
        Assert.Contains(mine, e => e.GetProperty("action").GetString() == "identity.token.nik-issued" && e.GetProperty("recipient").GetString() == app);
        using var admin = App.CreateAdminClient();
        var record = (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?action=identity.nik.verified&actor={officer.Id}"))
            .GetProperty("items").EnumerateArray().Single();
        Assert.Equal(officer.Id.ToString(), record.GetProperty("actor").GetProperty("subject").GetString());
        Assert.Equal(record.GetProperty("dataSubject").GetString(), record.GetProperty("actor").GetProperty("onBehalfOf").GetString());
    }

    [Fact]
    public async Task A_citizen_cannot_use_the_counter()
    {
        var citizen = await App.CreateAccountAsync("citizen");
        using var staffOrigin = App.CreateAdministrationClient();
        staffOrigin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await App.AccessTokenAsync(citizen.Email!));

        var response = await staffOrigin.PostAsJsonAsync("/api/counter/nik-verifications", new { login = citizen.Email, nik = TestData.NewNik() });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_civil_registry_verifies_a_NIK_with_the_name_and_birth_date_on_file_and_nothing_else()
    {
        var (nik, email, browser) = await RegisterAsync("Wulan Sari");
        using (browser)
        {
            using var siak = new HttpClient { BaseAddress = fixture.Siak.BaseAddress };
            await (await siak.PostAsJsonAsync("/_sample/penduduk", new { nik, nama_lengkap = "Wulan Sari", tgl_lahir = "05-05-1993" })).EnsureSuccessAsync();

            var wrongDate = await browser.SubmitAsync("/akun/nik", NikCheck(nik, "Wulan Sari", "1993-05-06"));
            var unknownNik = await browser.SubmitAsync("/akun/nik", NikCheck(TestData.NewNik(), "Wulan Sari", "1993-05-05"));
            var stillClaimed = await StoredAsync(email);
            var match = await browser.SubmitAsync("/akun/nik", NikCheck(nik, "  wulan   SARI ", "1993-05-05"));
            var verified = await StoredAsync(email);

            // An unknown NIK and a wrong birth date read the same: the page says nothing about whose a NIK is.
            var wrongText = ErrorOf(await wrongDate.Content.ReadAsStringAsync());
            Assert.Contains("tidak dapat diverifikasi secara daring", wrongText, StringComparison.Ordinal);
            Assert.Equal(wrongText, ErrorOf(await unknownNik.Content.ReadAsStringAsync()));
            Assert.Null(stillClaimed.NikVerifiedAt);
            Assert.Equal(HttpStatusCode.Redirect, match.StatusCode);
            Assert.NotNull(verified.NikVerifiedAt);
            Assert.Equal("registry", verified.NikVerification);
            Assert.Equal("service:" + NikGateway.StrictRequestService, verified.NikVerifiedBy);
            Assert.Equal(1, await OutboxCountAsync("CitizenRegistered", nik));
            var page = await browser.GetAsync("/akun/nik?pesan=terverifikasi");
            Assert.Contains("NIK Anda terverifikasi", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task When_the_owner_verifies_a_NIK_someone_else_claimed_it_moves_to_the_owner_and_the_claimant_is_told()
    {
        var nik = TestData.NewNik();
        var (_, squatterEmail, squatter) = await RegisterAsync("Penipu", nik);
        squatter.Dispose();
        // The real owner registers with the same NIK: nothing on the page says it is claimed already.
        var (_, ownerEmail, owner) = await RegisterAsync("Pemilik Asli", nik);
        owner.Dispose();
        var (_, staff) = await App.SignedInAsync("officer", "mpp");
        using (staff)
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.SendAsync(CounterRequest(ownerEmail, nik))).StatusCode);
        }

        Assert.Equal(nik, (await StoredAsync(ownerEmail)).Nik);
        Assert.NotNull((await StoredAsync(ownerEmail)).NikVerifiedAt);
        Assert.Null((await StoredAsync(squatterEmail)).Nik);
        Assert.Contains(OutboxLines(), l => l.Contains(squatterEmail, StringComparison.Ordinal) && l.Contains("NikTakenByOwner", StringComparison.Ordinal));

        // A third registration with the verified NIK goes through the same way; the owner hears of it.
        var (_, thirdEmail, third) = await RegisterAsync("Orang Lain", nik);
        third.Dispose();
        Assert.Contains(OutboxLines(), l => l.Contains(ownerEmail, StringComparison.Ordinal) && l.Contains("NikClaimedByAnother", StringComparison.Ordinal));
        Assert.Null((await StoredAsync(thirdEmail)).NikVerifiedAt);
        using var staff2 = (await App.SignedInAsync("officer", "mpp")).Browser;
        var conflict = await staff2.SendAsync(CounterRequest(thirdEmail, nik));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(nik, (await StoredAsync(ownerEmail)).Nik);
    }

    [Fact]
    public async Task A_service_that_needs_a_verified_NIK_refuses_a_claimed_one_at_the_proxy_and_for_requests()
    {
        var claimed = await App.CreateAccountAsync("citizen", nikVerified: false);
        var verified = await App.CreateAccountAsync("citizen");
        var claimedToken = await App.AccessTokenAsync(claimed.Email!, "openid roles nik");
        var verifiedToken = await App.AccessTokenAsync(verified.Email!, "openid roles nik");
        var verifiedWithoutNikScope = await App.AccessTokenAsync(verified.Email!, "openid roles");
        using var apps = App.CreateAppsClient();

        var refused = await SendAsync(apps, HttpMethod.Get, $"/{NikGateway.Agency}/{NikGateway.StrictService}/x", claimedToken);
        var allowed = await SendAsync(apps, HttpMethod.Get, $"/{NikGateway.Agency}/{NikGateway.StrictService}/x", verifiedToken);
        using var portal = App.CreateClient();
        var application = new { service = NikGateway.StrictRequestService, fields = new { alasan = "pindah rumah" } };
        var refusedRequest = await SendAsync(portal, HttpMethod.Post, "/api/requests", claimedToken, application);
        var withoutNik = await SendAsync(portal, HttpMethod.Post, "/api/requests", verifiedWithoutNikScope, application);
        var acceptedRequest = await SendAsync(portal, HttpMethod.Post, "/api/requests", verifiedToken, application);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("/akun/nik", (await refused.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedRequest.StatusCode);
        Assert.Contains("/akun/nik", (await refusedRequest.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, withoutNik.StatusCode);
        Assert.Contains("scope nik", (await withoutNik.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, acceptedRequest.StatusCode);
    }

    private async Task<(string Nik, string Email, BrowserSession Browser)> RegisterAsync(string name, string? nik = null)
    {
        nik ??= TestData.NewNik();
        var email = $"warga-{Guid.NewGuid():N}@example.org";
        var browser = App.NewBrowser();
        var registered = await browser.SubmitAsync("/akun/daftar", new Dictionary<string, string>
        {
            ["nik"] = nik,
            ["fullName"] = name,
            ["email"] = email,
            ["phone"] = "",
            ["password"] = SignOn.Password,
            ["confirmPassword"] = SignOn.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var confirmed = await browser.SubmitAsync(BrowserSession.Location(registered).OriginalString,
            new Dictionary<string, string> { ["code"] = App.LastVerificationCode(email) });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        return (nik, email, browser);
    }

    private static string ErrorOf(string html) =>
        WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "id=\"nik-error\">([^<]*)<").Groups[1].Value);

    private static HttpRequestMessage CounterRequest(string login, string nik) =>
        new(HttpMethod.Post, "/api/counter/nik-verifications") { Content = JsonContent.Create(new { login, nik }) };

    private static Dictionary<string, string> NikCheck(string nik, string name, string born) =>
        new() { ["nik"] = nik, ["fullName"] = name, ["dateOfBirth"] = born };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        return await client.SendAsync(request);
    }

    private async Task<JsonWebToken> ForwardedIdentityAsync(string token)
    {
        using var apps = App.CreateAppsClient();
        var echo = await (await SendAsync(apps, HttpMethod.Get, $"/{NikGateway.Agency}/{NikGateway.OpenService}/x", token)).Content.ReadFromJsonAsync<EchoReply>();
        return new JsonWebToken(echo!.Headers["X-SatuPintu-Identity"]);
    }

    private async Task<Accounts.GatewayUser> StoredAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
    }

    private string[] OutboxLines() => File.ReadAllLines(Path.Combine(App.DataDirectory, "verification-outbox.txt"));

    private async Task<int> OutboxCountAsync(string eventType, string nik)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        var payloads = await db.Set<OutboxMessage>().Where(m => m.EventType == eventType).Select(m => m.Payload).ToListAsync();
        return payloads.Count(p => p.Contains(nik, StringComparison.Ordinal));
    }
}
