using System.Diagnostics;
using Microsoft.Playwright;

namespace Gateway.Portal.BrowserTests;

/// <summary>
/// Every portal page, in Chromium: at most 50 KB on the wire on a first visit and 15 KB on a repeat visit,
/// no serious or critical axe-core violation, and the home, search and service pages usable within 3 s on
/// slow 3G.
/// </summary>
public sealed class PortalPageTests(PortalCity city) : IClassFixture<PortalCity>
{
    private const long FirstVisitBudget = 50 * 1024;
    private const long RepeatVisitBudget = 15 * 1024;

    public static TheoryData<string> PublicPages =>
    [
        "/",
        "/layanan",
        "/layanan?q=akte%20kelahran",
        "/layanan?kategori=kesehatan",
        "/layanan/akta-kelahiran",
        "/layanan/tidak-ada-layanan-ini",
        "/lacak",
        "/pengaduan",
        "/pengaduan/baru",
        "/pengaduan/00000000-0000-0000-0000-000000000000",
    ];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task A_public_page_is_light_and_accessible(string path) =>
        await CheckAsync(path, signedInAs: null);

    [Fact]
    public async Task The_signed_in_pages_are_light_and_accessible()
    {
        var (citizen, tracking) = await city.CitizenWithRequestAsync();
        await CheckAsync("/permohonan", citizen);
        await CheckAsync($"/permohonan/{tracking}", citizen);
        await CheckAsync("/permohonan/baru/akta-kelahiran", citizen);
        await CheckAsync("/akun/pemberitahuan", citizen);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/layanan?q=akte%20kelahran")]
    [InlineData("/layanan/akta-kelahiran")]
    public async Task The_page_is_usable_within_3_seconds_on_slow_3G(string path)
    {
        await using var context = await city.NewContextAsync();
        var page = await context.NewPageAsync();
        var weight = await PageWeight.WatchAsync(context, page);
        await weight.EmulateSlow3GAsync();

        var clock = Stopwatch.StartNew();
        var response = await page.GotoAsync(city.Portal(path), new() { WaitUntil = WaitUntilState.Load });
        clock.Stop();

        Assert.Equal(200, response!.Status);
        Assert.True(await page.Locator("h1").IsVisibleAsync());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"{path}: loaded in {clock.ElapsedMilliseconds} ms on slow 3G ({weight.Bytes} bytes)");
    }

    private async Task CheckAsync(string path, GatewayUser? signedInAs)
    {
        await using var context = await city.NewContextAsync();
        var page = await context.NewPageAsync();
        if (signedInAs is not null)
        {
            await city.SignInAsync(page, signedInAs, "/permohonan");
        }

        // A first visit: a new context starts with an empty cache, carrying over only the cookies (the session,
        // for a signed-in page), so the page and everything it loads is counted.
        await using var fresh = await city.NewContextAsync(storageState: await context.StorageStateAsync());
        var first = await fresh.NewPageAsync();
        var weight = await PageWeight.WatchAsync(fresh, first);
        var response = await first.GotoAsync(city.Portal(path), new() { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(response);
        Assert.True(response.Status is 200 or 404, $"{path}: {response.Status}");
        Assert.True(weight.Bytes is > 0 and <= FirstVisitBudget, $"{path}: {weight.Bytes} bytes on a first visit (budget {FirstVisitBudget})");

        weight.Reset();
        await first.GotoAsync(city.Portal(path), new() { WaitUntil = WaitUntilState.Load });
        Assert.True(weight.Bytes <= RepeatVisitBudget, $"{path}: {weight.Bytes} bytes on a repeat visit (budget {RepeatVisitBudget})");

        await Accessibility.AssertNoSeriousViolationsAsync(first, path);
    }

    [Fact]
    public async Task Pages_showing_errors_are_accessible_too()
    {
        var citizen = await city.App.CreateAccountAsync("citizen");
        await using var context = await city.NewContextAsync();
        var page = await context.NewPageAsync();

        // The browser's own checks of required fields are taken off, so the server's messages show (as they would
        // for a browser that does not check, or a value the browser cannot judge).
        async Task SendWithoutBrowserChecksAsync(string button)
        {
            await page.EvaluateAsync("() => document.querySelectorAll('[required],[pattern],[maxlength]').forEach(e => { e.removeAttribute('required'); e.removeAttribute('pattern'); })");
            await page.ClickAsync(button);
        }

        await page.GotoAsync(city.Portal("/pengaduan/baru"));
        await SendWithoutBrowserChecksAsync("#send");
        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#kategori")).ToHaveAttributeAsync("aria-invalid", "true");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "/pengaduan/baru with errors");

        await page.GotoAsync(city.Portal("/lacak"));
        await page.FillAsync("#nomor", "BDG-RSUD-2026-999999");
        await SendWithoutBrowserChecksAsync("main form button[type=submit]");
        await Assertions.Expect(page.Locator("#nik4-error")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "/lacak with errors");

        // Registration: each error is beside its field and named by it (aria-describedby), the hint kept.
        await page.GotoAsync(city.Portal("/akun/daftar"));
        await page.FillAsync("#nik", "123");
        await page.ClickAsync("main form button[type=submit]"); // the form is novalidate: the server checks
        await Assertions.Expect(page.Locator("#nik-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#nik")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#nik")).ToHaveAttributeAsync("aria-describedby", "nik-hint nik-error");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "/akun/daftar with errors");

        await city.SignInAsync(page, citizen, "/permohonan/baru/akta-kelahiran");
        await page.FillAsync("#f-anak_ke", "dua");
        await SendWithoutBrowserChecksAsync("#next"); // the form's first part: the child
        await Assertions.Expect(page.Locator("#f-anak_ke-error")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "/permohonan/baru with errors");
    }
}
