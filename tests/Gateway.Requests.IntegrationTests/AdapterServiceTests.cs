using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Adapters.Dpmptsp;
using Adapters.Dpmptsp.LegacyApp;
using Gateway.Adapters.SampleHost;
using Gateway.Adapters.Sdk.Service;
using Gateway.Requests.Model;
using Gateway.Requests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Requests.IntegrationTests;

/// <summary>
/// A department's adapter as its own service (its own Kestrel, reached only over HTTP), joining a gateway
/// that is already running: started, registered in the catalogue, and requests flow — filed once, status
/// back, the agency's read endpoint behind single sign-on. Nothing about DPMPTSP is configured in the gateway.
/// </summary>
public sealed class AdapterServiceTests(RequestGateway fixture) : IClassFixture<RequestGateway>, IAsyncLifetime
{
    private const string Agency = "dpmptsp";
    private const string LegacyKey = "simperizinan-key-for-adapter-tests";
    private static readonly string AdapterKey = "adapter-key-" + Guid.NewGuid().ToString("N");

    private SampleLegacyApp _simperizinan = null!;
    private AdapterServiceApp _adapter = null!;

    private GatewayApp App => fixture.App;

    public async ValueTask InitializeAsync()
    {
        _simperizinan = await SimperizinanApp.StartAsync(LegacyKey);
        _adapter = await AdapterServices.StartAsync(b => b.AddDpmptspService(), a => a.MapDpmptspService(), DpmptspRegistration.Name, Agency,
            AdapterKey, App, (_simperizinan.BaseAddress, SimperizinanApp.KeyHeader, LegacyKey),
            new Dictionary<string, string?> { ["Adapters:Dpmptsp:TimeoutSeconds"] = "2" });
    }

    public async ValueTask DisposeAsync()
    {
        await _adapter.DisposeAsync();
        await _simperizinan.DisposeAsync();
    }

    [Fact]
    public async Task A_new_departments_adapter_service_joins_the_running_gateway_files_once_reports_status_and_serves_its_reads_behind_sign_on()
    {
        var prefix = await RegisterAsync("izin-reklame-uji", AdapterKey);
        var (citizen, browser) = await App.SignedInAsync("citizen");

        var applied = await browser.ApplyAsync(Application("izin-reklame-uji"));

        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var tracking = (await applied.JsonAsync()).GetProperty("trackingNumber").GetString()!;
        var reference = await FiledAsync(tracking);
        var filed = Assert.Single(_simperizinan.Cases.All, c => c.ClientReference == tracking);
        Assert.Equal(reference, filed.Number);
        Assert.Equal("reklame-01", filed.Data["Nib"]);

        filed.Note = "Berkas diperiksa";
        filed.Status = "VERIFIKASI_BERKAS";
        await Eventually.HoldsAsync(async () =>
            (await (await browser.GetAsync($"/api/requests/{tracking}")).JsonAsync()).GetProperty("status").GetString() == "verified",
            "SIMPERIZINAN's status to come back through the adapter service");

        // The agency's SOAP answer, as JSON, through the proxy with the citizen's single sign-on.
        using var apps = App.CreateAppsClient();
        using var read = new HttpRequestMessage(HttpMethod.Get, $"{prefix}/izin/{reference}");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await App.AccessTokenAsync(citizen.Email!));
        var licence = await apps.SendAsync(read);
        Assert.True(licence.StatusCode == HttpStatusCode.OK, await licence.Content.ReadAsStringAsync());
        var status = await licence.JsonAsync();
        Assert.Equal(reference, status.GetProperty("registrationNumber").GetString());
        Assert.Equal("VERIFIKASI_BERKAS", status.GetProperty("status").GetString());
        Assert.Equal("Berkas diperiksa", status.GetProperty("note").GetString());

        // Straight at the adapter, without the gateway's signed tokens, nothing is answered.
        using var direct = new HttpClient { BaseAddress = _adapter.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await direct.GetAsync($"izin/{reference}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await direct.GetAsync("adapter/v1/manifest")).StatusCode);
        var document = await direct.GetStringAsync("swagger/v1/swagger.json");
        Assert.Contains("/izin/{nomorRegistrasi}", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_not_proven_with_the_registered_key_is_not_believed_and_once_the_key_is_right_the_request_is_filed_exactly_once()
    {
        await RegisterAsync("izin-reklame-kunci", "another-key-" + Guid.NewGuid().ToString("N"));
        var (_, browser) = await App.SignedInAsync("citizen");

        var applied = await browser.ApplyAsync(Application("izin-reklame-kunci"));
        var tracking = (await applied.JsonAsync()).GetProperty("trackingNumber").GetString()!;

        await Eventually.HoldsAsync(async () => (await RequestAsync(tracking)).Problem?.Contains("not proven", StringComparison.Ordinal) == true,
            "the gateway to refuse the adapter's unproven answer");
        var waiting = await RequestAsync(tracking);
        Assert.Equal(DispatchState.Pending, waiting.Dispatch);
        Assert.Null(waiting.ExternalReference);

        // The administrator registers the adapter's real key: the next try is believed, and the case the
        // adapter already filed is the one recorded — not a second one.
        using var admin = App.CreateAdminClient();
        var exposure = Exposure(AdapterKey);
        exposure["pathPrefix"] = "/dpmptsp/izin-reklame-kunci";
        await (await admin.PutAsJsonAsync("/api/admin/services/izin-reklame-kunci/exposure", exposure)).EnsureSuccessAsync();
        await FiledAsync(tracking);
        var filed = Assert.Single(_simperizinan.Cases.All, c => c.ClientReference == tracking);
        Assert.Equal(filed.Number, (await RequestAsync(tracking)).ExternalReference);
    }

    private async Task<string> RegisterAsync(string slug, string key)
    {
        var service = TestData.Service(slug, Agency, Exposure(key));
        service["requestForm"] = JsonNode.Parse("""
            { "type": "object", "required": ["nib", "lokasi_usaha"],
              "properties": { "nib": { "type": "string" }, "lokasi_usaha": { "type": "string" } } }
            """);
        using var admin = App.CreateAdminClient();
        await (await admin.PostAsJsonAsync("/api/admin/services", service)).EnsureSuccessAsync();
        return $"/{Agency}/{slug}";
    }

    private JsonObject Exposure(string key) => AdapterServices.Exposure(_adapter.BaseAddress, key);

    private static JsonObject Application(string slug) => new()
    {
        ["service"] = slug,
        ["fields"] = new JsonObject { ["nib"] = "reklame-01", ["lokasi_usaha"] = "Jl. Asia Afrika 1" },
    };

    /// <summary>Waits for the request to be filed; when it is not, fails with the problem the gateway recorded.</summary>
    private async Task<string> FiledAsync(string tracking)
    {
        try
        {
            await Eventually.HoldsAsync(async () => (await RequestAsync(tracking)).Dispatch == DispatchState.Filed,
                "the request to be filed through the adapter service", TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            var stuck = await RequestAsync(tracking);
            Assert.Fail($"{tracking} not filed after 30 s: {stuck.Dispatch}, {stuck.DispatchAttempts} attempts, problem: {stuck.Problem}");
        }

        return (await RequestAsync(tracking)).ExternalReference!;
    }

    private async Task<ServiceRequest> RequestAsync(string tracking)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        return await db.Requests.AsNoTracking().SingleAsync(r => r.TrackingNumber == tracking, TestContext.Current.CancellationToken);
    }
}
