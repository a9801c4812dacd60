using System.Net;
using Gateway.Identity.Persistence;
using Gateway.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Identity.IntegrationTests;

/// <summary>The account pages as a resident uses them: register with a NIK, verify, reset a password, manage the account.</summary>
public sealed class AccountPageTests(SqliteGateway fixture) : IClassFixture<SqliteGateway>
{
    private GatewayApp App => fixture.App;

    [Fact]
    public async Task Registering_with_a_NIK_then_confirming_signs_in_with_the_NIK_only_claimed()
    {
        var nik = NewNik();
        var email = $"warga-{Guid.NewGuid():N}@example.org";
        using var browser = App.NewBrowser();

        var registered = await browser.SubmitAsync("/akun/daftar", new Dictionary<string, string>
        {
            ["nik"] = nik,
            ["fullName"] = "Siti Nurhaliza",
            ["email"] = email,
            ["phone"] = "",
            ["password"] = SignOn.Password,
            ["confirmPassword"] = SignOn.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        var verifyPage = BrowserSession.Location(registered).OriginalString;
        var verified = await browser.SubmitAsync(verifyPage, new Dictionary<string, string> { ["code"] = App.LastVerificationCode(email) });

        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Equal("/akun", BrowserSession.Location(verified).OriginalString);
        var account = await (await browser.GetAsync("/akun")).Content.ReadAsStringAsync();
        Assert.Contains("Siti Nurhaliza", account, StringComparison.Ordinal);
        Assert.Contains("belum terverifikasi", account, StringComparison.Ordinal);
        // A code proves the mailbox, not the NIK: agencies hear of the citizen once the NIK is verified (NikAssuranceTests).
        Assert.Equal(0, await OutboxCountAsync("CitizenRegistered", nik));
    }

    [Theory]
    [InlineData("327301170890001", "nik", "NIK harus 16 angka.")]
    [InlineData("3273013102900001", "nik", "tidak ada di kalender")]
    [InlineData("{nik}", "password", "terlalu umum")]
    public async Task A_registration_with_a_bad_field_says_what_is_wrong_and_stores_nothing(string nik, string field, string message)
    {
        nik = nik.Replace("{nik}", NewNik(), StringComparison.Ordinal);
        var email = $"warga-{Guid.NewGuid():N}@example.org";
        var password = field == "password" ? "bismillah123" : SignOn.Password;
        using var browser = App.NewBrowser();

        var response = await browser.SubmitAsync("/akun/daftar", new Dictionary<string, string>
        {
            ["nik"] = nik,
            ["fullName"] = "Budi",
            ["email"] = email,
            ["phone"] = "",
            ["password"] = password,
            ["confirmPassword"] = password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task Signing_in_before_verifying_sends_a_code_and_asks_for_it()
    {
        var nik = NewNik();
        var email = $"warga-{Guid.NewGuid():N}@example.org";
        using (var first = App.NewBrowser())
        {
            await first.SubmitAsync("/akun/daftar", new Dictionary<string, string>
            {
                ["nik"] = nik,
                ["fullName"] = "Asep",
                ["email"] = email,
                ["phone"] = "",
                ["password"] = SignOn.Password,
                ["confirmPassword"] = SignOn.Password,
            });
        }

        using var browser = App.NewBrowser();
        var wrongPassword = await browser.SubmitAsync("/akun/masuk", new Dictionary<string, string> { ["login"] = nik, ["password"] = "bukan-sandinya-123" });
        var rightPassword = await browser.SubmitAsync("/akun/masuk", new Dictionary<string, string> { ["login"] = nik, ["password"] = SignOn.Password });

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode); // no hint that the account is unverified
        Assert.Equal(HttpStatusCode.Redirect, rightPassword.StatusCode);
        Assert.StartsWith("/akun/verifikasi", BrowserSession.Location(rightPassword).OriginalString, StringComparison.Ordinal);
        var verified = await browser.SubmitAsync(BrowserSession.Location(rightPassword).OriginalString,
            new Dictionary<string, string> { ["code"] = App.LastVerificationCode(email) });
        Assert.Equal("/akun", BrowserSession.Location(verified).OriginalString);
    }

    [Fact]
    public async Task A_forgotten_password_is_replaced_with_a_code_and_the_old_one_stops_working()
    {
        var citizen = await App.CreateAccountAsync("citizen");
        const string newPassword = "angklung-di-pagi-hari-7";
        using var browser = App.NewBrowser();

        var asked = await browser.SubmitAsync("/akun/lupa-sandi", new Dictionary<string, string> { ["login"] = citizen.Nik! });
        var reset = await browser.SubmitAsync(BrowserSession.Location(asked).OriginalString, new Dictionary<string, string>
        {
            ["code"] = App.LastVerificationCode(citizen.Email!),
            ["password"] = newPassword,
            ["confirmPassword"] = newPassword,
        });
        Assert.Contains("selesai=", BrowserSession.Location(reset).OriginalString, StringComparison.OrdinalIgnoreCase);

        using var again = App.NewBrowser();
        var old = await again.SubmitAsync("/akun/masuk", new Dictionary<string, string> { ["login"] = citizen.Nik!, ["password"] = SignOn.Password });
        var fresh = await again.SubmitAsync("/akun/masuk", new Dictionary<string, string> { ["login"] = citizen.Nik!, ["password"] = newPassword });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
    }

    [Fact]
    public async Task Asking_for_a_reset_of_an_unknown_account_looks_the_same()
    {
        using var browser = App.NewBrowser();

        var asked = await browser.SubmitAsync("/akun/lupa-sandi", new Dictionary<string, string> { ["login"] = "nobody@example.org" });
        var page = await browser.GetAsync(BrowserSession.Location(asked).OriginalString);

        Assert.Equal("/akun/atur-ulang-sandi", BrowserSession.Location(asked).OriginalString);
        Assert.Contains("Jika akun itu ada", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_name_publishes_CitizenProfileChanged()
    {
        var citizen = await App.CreateAccountAsync("citizen");
        using var browser = App.NewBrowser();
        await browser.SubmitAsync("/akun/masuk", new Dictionary<string, string> { ["login"] = citizen.Nik!, ["password"] = SignOn.Password });

        var saved = await browser.SubmitAsync("/akun", new Dictionary<string, string> { ["fullName"] = "Nama Baru Sesuai KTP" }, postUrl: "/akun?handler=Profile");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Nama Baru Sesuai KTP", await (await browser.GetAsync("/akun")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await OutboxCountAsync("CitizenProfileChanged", citizen.Nik!));
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_the_session_and_every_app_s_refresh_token()
    {
        var citizen = await App.CreateAccountAsync("citizen");
        var clientId = "app-" + Guid.NewGuid().ToString("N")[..8];
        var redirect = $"http://127.0.0.1:9/{clientId}/callback";
        await App.RegisterClientAsync(SignOn.PublicClient(clientId, redirect));
        using var browser = App.NewBrowser();
        var (verifier, challenge) = OidcFlow.NewPkce();
        var code = OidcFlow.CodeFrom(await OidcFlow.AuthorizeAsync(browser, OidcFlow.AuthorizeUrl(clientId, redirect, challenge), citizen.Nik!, SignOn.Password));
        using var http = App.CreateClient();
        var (_, tokens) = await OidcFlow.RedeemCodeAsync(http, clientId, redirect, code, verifier);
        Assert.Contains(clientId, await (await browser.GetAsync("/akun")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var signedOut = await browser.SubmitAsync("/akun", new Dictionary<string, string>(), postUrl: "/akun?handler=SignOutEverywhere");
        var (refreshStatus, refresh) = await OidcFlow.RefreshAsync(http, clientId, tokens.GetProperty("refresh_token").GetString()!);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refreshStatus);
        Assert.Equal("invalid_grant", refresh.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/akun")).StatusCode);
    }

    [Fact]
    public async Task My_account_needs_a_session_and_sends_strangers_to_sign_in()
    {
        using var browser = App.NewBrowser();

        var response = await browser.GetAsync("/akun");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/akun/masuk", BrowserSession.Location(response).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_is_remembered()
    {
        using var browser = App.NewBrowser();

        var indonesian = await (await browser.GetAsync("/akun/masuk")).Content.ReadAsStringAsync();
        await browser.GetAsync("/akun/bahasa?lang=en&returnUrl=%2Fakun%2Fmasuk");
        var english = await (await browser.GetAsync("/akun/masuk")).Content.ReadAsStringAsync();
        var offSite = await browser.GetAsync("/akun/bahasa?lang=en&returnUrl=https%3A%2F%2Fevil.example");

        Assert.Contains("Masuk ke SatuPintu", indonesian, StringComparison.Ordinal);
        Assert.Contains("Sign in to SatuPintu", english, StringComparison.Ordinal);
        Assert.Equal("/akun", BrowserSession.Location(offSite).OriginalString);
    }

    private async Task<int> OutboxCountAsync(string eventType, string nik)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        var payloads = await db.Set<OutboxMessage>().Where(m => m.EventType == eventType).Select(m => m.Payload).ToListAsync();
        return payloads.Count(p => p.Contains(nik, StringComparison.Ordinal));
    }

    private static string NewNik() =>
        $"32730{Random.Shared.Next(1, 9)}{Random.Shared.Next(41, 68)}0{Random.Shared.Next(1, 9)}9{Random.Shared.Next(0, 9)}{Random.Shared.Next(1, 9999):0000}";
}
