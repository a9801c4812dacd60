using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Gateway.Identity.BrowserTests;

/// <summary>
/// The browser as the attacker's tool: a script in a legacy agency app (served on the apps origin) runs
/// with the visitor's browser, the visitor signed in to the administration origin or the portal. What
/// that script can do is what the three origins and the cookie rules must prevent.
/// </summary>
public sealed class EdgeBrowserTests : IAsyncLifetime
{
    private GatewayApp _app = null!;
    private LegacyBackend _legacy = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _public = null!;
    private string _citizenOnly = null!;

    public async ValueTask InitializeAsync()
    {
        _legacy = await LegacyBackend.StartAsync();
        _app = await GatewayApp.StartAsync(DatabaseKind.Sqlite);
        _public = await ExposeAsync("public");
        _citizenOnly = await ExposeAsync("citizen");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    [Fact]
    public async Task A_script_in_an_agency_app_cannot_use_an_administrator_s_session_nor_reach_the_account_pages()
    {
        var administrator = await _app.CreateAccountAsync("admin");
        await using var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_app.AdminAddress, "/masuk").ToString());
        await page.FillAsync("#login", administrator.Email!);
        await page.FillAsync("#password", SignOn.Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#staff-name")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        // The administrator, still signed in, opens a legacy agency page that carries an attacker's script.
        var admin = _app.AdminAddress.GetLeftPart(UriPartial.Authority);
        var portal = _app.PortalAddress.GetLeftPart(UriPartial.Authority);
        await page.GotoAsync(new Uri(_app.AppsAddress, $"{_public}/page/attacker?admin={Uri.EscapeDataString(admin)}&portal={Uri.EscapeDataString(portal)}").ToString());
        await page.Locator("body[data-done=true]").WaitForAsync(new() { Timeout = 30_000 });
        var results = JsonDocument.Parse(await page.InnerTextAsync("#results")).RootElement;

        // On its own origin there is no admin API and no account page...
        Assert.Equal(404, results.GetProperty("sameOriginAdmin").GetProperty("status").GetInt32());
        Assert.Equal(404, results.GetProperty("sameOriginAccount").GetProperty("status").GetInt32());
        // ...and the gateway's origins do not let it read their answers...
        Assert.False(results.GetProperty("crossOriginAdminRead").GetProperty("readable").GetBoolean(), results.ToString());
        Assert.False(results.GetProperty("crossOriginAccountRead").GetProperty("readable").GetBoolean(), results.ToString());
        // ...nor write with the administrator's cookie: nothing was created.
        Assert.False(results.GetProperty("crossOriginAdminWrite").GetProperty("readable").GetBoolean());
        using var check = _app.CreateAdminClient();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await check.GetAsync("/api/admin/agencies/penyusup")).StatusCode);
    }

    [Fact]
    public async Task No_gateway_cookie_reaches_an_agency_app_and_an_agency_app_cannot_plant_one()
    {
        var citizen = await _app.CreateAccountAsync("citizen");
        await using var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();

        // Open a citizen-only app: the portal signs the citizen in and hands them to the apps origin.
        await page.GotoAsync(new Uri(_app.AppsAddress, _citizenOnly + "/echo").ToString());
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/akun/masuk"), new() { Timeout = 30_000 });
        await page.FillAsync("#login", citizen.Nik!);
        await page.FillAsync("#password", SignOn.Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(_citizenOnly) + "/echo$"), new() { Timeout = 30_000 });
        var appsCookies = await context.CookiesAsync([_app.AppsAddress.ToString()]);
        Assert.Contains(appsCookies, c => c.Name == "satupintu.apps" && c.HttpOnly);

        // A public app that receives cookies: the browser sends the apps session; the gateway removes it.
        await page.GotoAsync(new Uri(_app.AppsAddress, _public + "/echo").ToString());
        var echo = JsonDocument.Parse(await page.InnerTextAsync("body")).RootElement;
        var headers = echo.GetProperty("headers");
        Assert.False(headers.TryGetProperty("Cookie", out var cookie) && cookie.GetString()!.Contains("satupintu", StringComparison.Ordinal), headers.ToString());

        // The app tries to plant a gateway cookie and to share one of its own with the whole city.
        var before = appsCookies.Single(c => c.Name == "satupintu.apps").Value;
        await page.GotoAsync(new Uri(_app.AppsAddress, _public + "/cookies/set").ToString());
        var after = await context.CookiesAsync([_app.AppsAddress.ToString(), _app.PortalAddress.ToString()]);
        Assert.Equal(before, after.Single(c => c.Name == "satupintu.apps").Value);
        Assert.DoesNotContain(after, c => c.Value == "planted");
        var theirs = after.Single(c => c.Name == "theirs");
        Assert.Equal(LocalOrigins.Apps, theirs.Domain);
    }

    private async Task<string> ExposeAsync(string access)
    {
        var agency = "b" + Guid.NewGuid().ToString("N")[..8];
        await _app.CreateAgencyAsync(agency);
        var exposure = TestData.Exposure(_legacy.Address, access: access);
        exposure["forwardClientCookies"] = true;
        using var admin = _app.CreateAdminClient();
        await (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service("svc-" + agency, agency, exposure))).EnsureSuccessAsync();
        return $"/{agency}/svc-{agency}";
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
        await _legacy.DisposeAsync();
    }
}
