using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Gateway.Portal.BrowserTests;

/// <summary>
/// The demo city as `dotnet run` starts it, with its clerks slowed down so that only the test's officer moves
/// requests on, and one headless Chromium shared by the tests (each test opens its own context: an empty cache).
/// </summary>
public sealed class PortalCity : IAsyncLifetime
{
    /// <summary>The demo's hospital queue: a short form, filed through the RSUD adapter.</summary>
    public const string QueueService = "antrian-poli";

    public GatewayApp App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright _playwright = null!;

    public async ValueTask InitializeAsync()
    {
        App = await GatewayApp.StartAsync(DatabaseKind.Sqlite, demo: true, settings: new Dictionary<string, string?>
        {
            ["Demo:ClerkSeconds"] = "3600",
            ["Requests:AdapterServicePollSeconds"] = "1",
            // The sample hospital app is flaky on purpose: a failed filing is retried by the sweeper, soon.
            ["Requests:DispatchSweepSeconds"] = "1",
            ["Requests:MaxRetryDelaySeconds"] = "10",
            ["RateLimits:TrackPerAddress"] = "1000",
            // The demo city's routing rule for traffic (appsettings.Development.json; tests run as "Testing").
            ["Complaints:Rules:0:Category"] = "lalu-lintas*",
            ["Complaints:Rules:0:AgencyCode"] = "dishub",
        });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        using var client = App.CreateClient();
        await Eventually.HoldsAsync(async () =>
        {
            var detail = await client.GetAsync($"/api/catalogue/services/{QueueService}");
            return detail.StatusCode == HttpStatusCode.OK && (await detail.JsonAsync()).TryGetProperty("requestForm", out var form)
                && form.ValueKind == JsonValueKind.Object;
        }, "the demo seed to register the hospital queue with its form");
    }

    /// <summary>A browser context as most of the city's phones are set: Indonesian, with or without script.</summary>
    public Task<IBrowserContext> NewContextAsync(bool javaScript = true, string? storageState = null) =>
        Browser.NewContextAsync(new() { Locale = "id-ID", JavaScriptEnabled = javaScript, StorageState = storageState });

    public string Portal(string path) => new Uri(App.PortalAddress, path).ToString();

    /// <summary>A citizen with a verified NIK and one request filed in the hospital's system; returns the tracking number.</summary>
    public async Task<(GatewayUser Citizen, string Tracking)> CitizenWithRequestAsync()
    {
        var (citizen, session) = await App.SignedInAsync("citizen");
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var apply = new HttpRequestMessage(HttpMethod.Post, "/api/requests")
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["service"] = QueueService,
                ["fields"] = new JsonObject { ["poli"] = "anak", ["tanggal_kunjungan"] = tomorrow, ["keluhan"] = "demam tiga hari" },
            }),
        };
        apply.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var created = await session.SendAsync(apply);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var tracking = (await created.JsonAsync()).GetProperty("trackingNumber").GetString()!;
        await Eventually.HoldsAsync(async () =>
            (await (await session.GetAsync($"/api/requests/{tracking}")).JsonAsync()).TryGetProperty("agencyReference", out var reference)
            && reference.ValueKind == JsonValueKind.String, "the request to be filed in the hospital's system", TimeSpan.FromSeconds(60));
        session.Dispose();
        return (citizen, tracking);
    }

    /// <summary>Signs in through the portal's own sign-in page, as a citizen would, and lands on <paramref name="path"/>.</summary>
    public async Task SignInAsync(IPage page, GatewayUser citizen, string path)
    {
        await page.GotoAsync(Portal(path));
        await page.FillAsync("#login", citizen.Nik!);
        await page.FillAsync("#password", SignOn.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path, new() { Timeout = 30_000, WaitUntil = WaitUntilState.Commit });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }
}
