using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Gateway.Identity.IntegrationTests;

/// <summary>
/// Every time the proxy hands an agency's app a resident's identity (with the NIK where the agency may see
/// it), the resident's record says so — counted per person, agency, service and hour, written without a
/// database write per request, and not lost when the gateway stops.
/// </summary>
public sealed class ForwardedDataRecordTests
{
    private const string Agency = "disdukcapil";
    private const string Service = "antrian-loket";

    private static async Task<(GatewayApp App, LegacyBackend Backend)> StartAsync(int flushSeconds)
    {
        var backend = await LegacyBackend.StartAsync();
        var app = await GatewayApp.StartAsync(DatabaseKind.Sqlite, settings: new Dictionary<string, string?>
        {
            ["Identity:ForwardedIdentity:AgenciesSeeingNik:0"] = Agency,
            ["Identity:ForwardedIdentity:RecordFlushSeconds"] = flushSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await app.CreateAgencyAsync(Agency);
        using var admin = app.CreateAdminClient();
        await (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service(Service, Agency, TestData.Exposure(new Uri(backend.Address, "echo/"), access: "citizen"))))
            .EnsureSuccessAsync();
        return (app, backend);
    }

    /// <summary>A resident with a verified NIK, their token (with the nik scope), and <paramref name="calls"/> calls to the agency's service.</summary>
    private static async Task<(Accounts.GatewayUser Citizen, string Token)> UseServiceAsync(GatewayApp app, int calls)
    {
        var citizen = await app.CreateAccountAsync("citizen");
        var token = await app.AccessTokenAsync(citizen.Email!, "openid profile roles nik");
        using var apps = app.CreateAppsClient();
        apps.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        for (var i = 0; i < calls; i++)
        {
            var echo = await (await apps.GetAsync($"/{Agency}/{Service}/x")).Content.ReadFromJsonAsync<EchoReply>();
            Assert.True(echo!.Headers.ContainsKey("X-SatuPintu-Identity"), "the agency's app got the resident's identity");
        }

        return (citizen, token);
    }

    private static async Task<List<JsonElement>> ForwardRecordsAsync(GatewayApp app, Guid citizen)
    {
        using var admin = app.CreateAdminClient();
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?dataSubject={citizen}&action=proxy.identity.forwarded");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static long Requests(IEnumerable<JsonElement> records) => records.Sum(r => r.GetProperty("summary").GetProperty("requests").GetInt64());

    [Fact]
    public async Task Each_identity_sent_to_an_agency_is_counted_into_the_resident_s_record_with_the_NIK_named()
    {
        var (app, backend) = await StartAsync(flushSeconds: 1);
        await using var _ = backend;
        await using var __ = app;

        var (citizen, token) = await UseServiceAsync(app, calls: 3);

        await Eventually.HoldsAsync(async () => Requests(await ForwardRecordsAsync(app, citizen.Id)) == 3, "the three forwards to be recorded");
        var record = (await ForwardRecordsAsync(app, citizen.Id))[0];
        Assert.Equal(Agency, record.GetProperty("recipient").GetString());
        Assert.Equal(Service, record.GetProperty("targetId").GetString());
        Assert.Contains("nik", record.GetProperty("summary").GetProperty("claims").EnumerateArray().Select(c => c.GetString()));

        // The resident reads it on their own: which agency's app received their identity, for which service.
        using var portal = app.CreateClient();
        portal.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var mine = await portal.GetFromJsonAsync<JsonElement>("/api/me/data-access");
        Assert.Contains(mine.EnumerateArray(), e => e.GetProperty("action").GetString() == "proxy.identity.forwarded"
            && e.GetProperty("service").GetString() == Service && e.GetProperty("agency").GetString() == Agency);
    }

    [Fact]
    public async Task Counts_not_yet_written_are_written_when_the_gateway_stops()
    {
        var (app, backend) = await StartAsync(flushSeconds: 3600);
        await using var _ = backend;
        var (citizen, _) = await UseServiceAsync(app, calls: 2);
        Assert.Empty(await ForwardRecordsAsync(app, citizen.Id));

        app.KeepData = true;
        await app.DisposeAsync();
        await using var restarted = app.StartAnotherOnSameData();

        Assert.Equal(2, Requests(await ForwardRecordsAsync(restarted, citizen.Id)));
        Assert.Equal(HttpStatusCode.OK, (await restarted.CreateClient().GetAsync("/healthz/live")).StatusCode);
    }
}
