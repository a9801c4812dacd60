using System.Text.RegularExpressions;
using Gateway.Demo.SignOn;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gateway.Identity.BrowserTests;

/// <summary>
/// A resident in a real browser: registers with a NIK, verifies, allows the first agency app, is signed
/// in there, opens the second agency app without typing a password, and signs out everywhere.
/// </summary>
public sealed class SingleSignOnBrowserTests : IAsyncLifetime
{
    private GatewayApp _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await GatewayApp.StartAsync(DatabaseKind.Sqlite, demo: true);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // Without the background-networking flags Chromium keeps dialling Google on a closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// Arrived when the address matches and the element that page is known by is there, both polled by the
    /// browser driver. Waiting for a load state after WaitForURL timed out about one CI run in ten, with the
    /// right page shown and the log saying "load" and "networkidle" had fired while it still waited for
    /// "domcontentloaded": the client missed a state it had already been sent. Polling has no state to miss.
    /// </summary>
    private static async Task ArrivedAsync(IPage page, Regex address, string selector)
    {
        await Assertions.Expect(page).ToHaveURLAsync(address, new PageAssertionsToHaveURLOptions { Timeout = 30_000 });
        await page.Locator(selector).WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
    }

    private static Regex Exactly(string address) => new("^" + Regex.Escape(address) + "$");

    private static readonly Regex SignInPage = new("/akun/masuk");

    [Fact]
    public async Task Register_verify_consent_then_a_second_agency_app_needs_no_password_and_sign_out_everywhere_ends_it()
    {
        var demo = _app.Services.GetRequiredService<DemoSignOn>();
        var disdukcapil = demo.Apps.Single(a => a.Spec.ClientId == "disdukcapil-online");
        var perizinan = demo.Apps.Single(a => a.Spec.ClientId == "perizinan-dpmptsp");
        // A resident the demo's sample SIAK knows (Adapters.Disdukcapil.LegacyApp/SiakResidents.cs), so the
        // NIK can be verified online in the same browser.
        const string nik = "3273024505920002";
        var email = $"warga-{Guid.NewGuid():N}@example.org";
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { Locale = "id-ID" });
        var page = await context.NewPageAsync();
        var passwordPrompts = 0;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame && frame.Url.Contains("/akun/masuk", StringComparison.Ordinal))
            {
                passwordPrompts++;
            }
        };

        // Agency app 1 has no login of its own: it sends the resident to SatuPintu.
        await page.GotoAsync(disdukcapil.Address);
        await page.ClickAsync("#sign-in");
        await ArrivedAsync(page, SignInPage, "#register");
        Assert.Equal(1, passwordPrompts);

        // No account yet: register with a NIK, then the code that the embedded sender wrote down.
        await page.ClickAsync("#register");
        await page.FillAsync("#nik", nik);
        await page.FillAsync("#fullName", "Dewi Lestari");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", SignOn.Password);
        await page.FillAsync("#confirmPassword", SignOn.Password);
        await page.ClickAsync("button[type=submit]");
        await ArrivedAsync(page, new Regex("/akun/verifikasi"), "#code");
        await page.FillAsync("#code", _app.LastVerificationCode(email));
        await page.ClickAsync("#verify");

        // Back in the authorization request: app 1 asks for the NIK, so the resident is asked to allow it.
        await page.WaitForSelectorAsync("#accept");
        Assert.Contains("Disdukcapil Online", await page.InnerTextAsync("#client-name"), StringComparison.Ordinal);
        Assert.Contains("NIK", await page.InnerTextAsync("ul.scopes"), StringComparison.Ordinal);
        await page.ClickAsync("#accept");

        await ArrivedAsync(page, Exactly(disdukcapil.Address + "/"), "#welcome");
        Assert.Contains("Dewi Lestari", await page.InnerTextAsync("#welcome"), StringComparison.Ordinal);
        // Allowed the NIK, the app still gets none: a NIK typed at registration is only claimed.
        Assert.Equal(0, await page.Locator("span.nik").CountAsync());

        // The resident verifies it against the civil registry, then signs in to the app again: no password.
        var gateway = _app.PortalAddress.ToString().TrimEnd('/');
        await page.GotoAsync(gateway + "/akun/nik");
        await page.FillAsync("#nik", nik);
        await page.FillAsync("#fullName", "Dewi Lestari");
        await page.FillAsync("#dateOfBirth", "1992-05-05");
        await page.ClickAsync("#check-nik");
        await ArrivedAsync(page, new Regex("/akun/nik"), "#notice");
        await page.GotoAsync(disdukcapil.Address + "/masuk");
        await ArrivedAsync(page, Exactly(disdukcapil.Address + "/"), "span.nik");
        Assert.Equal(nik, await page.InnerTextAsync("span.nik"));

        // Agency app 2 (first-party, no consent page): one click, no password.
        await page.GotoAsync(perizinan.Address);
        await page.ClickAsync("#sign-in");
        await ArrivedAsync(page, Exactly(perizinan.Address + "/"), "#welcome");
        Assert.Contains("Dewi Lestari", await page.InnerTextAsync("#welcome"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("span.nik").CountAsync()); // app 2 was not allowed the NIK
        Assert.Equal(1, passwordPrompts);

        // Sign out everywhere on SatuPintu: the next sign-in to an app asks for the password again.
        await page.GotoAsync(gateway + "/akun");
        await page.ClickAsync("#sign-out-everywhere");
        await ArrivedAsync(page, new Regex("/akun/keluar"), "a[href='/akun/masuk']");
        await page.GotoAsync(perizinan.Address + "/masuk");
        await ArrivedAsync(page, SignInPage, "#password");
        Assert.Equal(2, passwordPrompts);
        Assert.Equal(1, await page.Locator("#password").CountAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
    }
}
