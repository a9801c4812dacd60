using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Requests.IntegrationTests;

/// <summary>The demo city as `dotnet run` starts it (default dispatch settings), with its clerks and polls made fast.</summary>
public sealed class DemoCity : IAsyncLifetime
{
    public GatewayApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        App = await GatewayApp.StartAsync(DatabaseKind.Sqlite, demo: true, settings: new Dictionary<string, string?>
        {
            ["Demo:ClerkSeconds"] = "1",
            ["Requests:AdapterServicePollSeconds"] = "1",
        });

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// One API for four agencies' very different systems: REST, SOAP, a CSV export, LAPOR! — each behind its
/// adapter running as a service of its own, which the demo registers in the catalogue.
/// </summary>
public sealed class DemoRequestTests(DemoCity fixture) : IClassFixture<DemoCity>
{
    private static readonly string Tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TheoryData<string, string> Applications => new()
    {
        { "akta-kelahiran", """{ "nama_anak": "Aditya Pratama", "tanggal_lahir": "2026-11-02", "tempat_lahir": "Bandung", "nik_ibu": "3273015708900001" }""" },
        { "persetujuan-bangunan-gedung", """{ "lokasi_usaha": "Jl. Braga No. 10", "fungsi_bangunan": "usaha", "luas_bangunan_m2": 150.5, "jumlah_lantai": 2 }""" },
        { "antrian-poli", $$"""{ "poli": "anak", "tanggal_kunjungan": "{{Tomorrow}}", "keluhan": "demam tiga hari" }""" },
        { "pengaduan-lapor", """{ "judul": "Lampu lalu lintas mati", "isi": "Lampu lalu lintas di simpang Dago mati sejak pagi.", "kategori": "lalu-lintas", "lokasi": "Simpang Dago" }""" },
    };

    [Theory]
    [MemberData(nameof(Applications))]
    public async Task A_citizen_applies_to_each_agency_through_the_same_api_and_sees_its_status_move_on(string service, string fields)
    {
        await WaitForCatalogueAsync(service);
        var (_, citizen) = await fixture.App.SignedInAsync("citizen");
        var response = await citizen.ApplyAsync(new JsonObject { ["service"] = service, ["fields"] = JsonNode.Parse(fields) });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        var tracking = created.GetProperty("trackingNumber").GetString()!;
        Assert.Matches(@"^BDG-[A-Z]+-20\d\d-\d{6}$", tracking);
        Assert.True(created.GetProperty("dueAt").GetDateTime() >= created.GetProperty("submittedAt").GetDateTime());

        // With default settings the sweeper's first retry is 20 s away: filing sooner proves the bus path.
        await Eventually.HoldsAsync(async () => (await ViewAsync(citizen, tracking)).TryGetProperty("agencyReference", out _),
            $"{service}: filed in the agency's system through the bus", TimeSpan.FromSeconds(15));
        JsonElement view = default;
        await Eventually.HoldsAsync(async () =>
        {
            view = await ViewAsync(citizen, tracking);
            return view.GetProperty("timeline").GetArrayLength() >= 3;
        }, $"{service}: two status changes to come back from the agency's system", TimeSpan.FromSeconds(30));

        var statuses = view.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("status").GetString()).ToList();
        Assert.Equal("submitted", statuses[0]);
        Assert.Equal(statuses.Count, statuses.Distinct().Count());
        using var admin = fixture.App.CreateAdminClient();
        var listed = await (await admin.GetAsync("/api/admin/requests?limit=1000")).JsonAsync();
        var filed = listed.EnumerateArray().Single(r => r.GetProperty("trackingNumber").GetString() == tracking);
        Assert.Equal($"service:{service}", filed.GetProperty("adapter").GetString()); // filed through the adapter service, not in-process
    }

    private static async Task<JsonElement> ViewAsync(BrowserSession citizen, string tracking) =>
        await (await citizen.GetAsync($"/api/requests/{tracking}")).JsonAsync();

    private async Task WaitForCatalogueAsync(string service)
    {
        using var client = fixture.App.CreateClient();
        await Eventually.HoldsAsync(async () =>
        {
            var detail = await client.GetAsync($"/api/catalogue/services/{service}");
            return detail.StatusCode == HttpStatusCode.OK && (await detail.JsonAsync()).TryGetProperty("requestForm", out _);
        }, $"the demo seed to register {service} with its form");
    }
}
