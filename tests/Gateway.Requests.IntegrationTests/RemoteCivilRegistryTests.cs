using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Adapters.Disdukcapil;
using Adapters.Disdukcapil.LegacyApp;
using Gateway.Adapters.SampleHost;
using Gateway.Adapters.Sdk.Contract;
using Gateway.Adapters.Sdk.Service;
using Gateway.Identity.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Requests.IntegrationTests;

/// <summary>
/// The civil registry's NIK check over the adapter contract: the Disdukcapil adapter as its own service in
/// front of SIAK, and a gateway told nothing but the catalogue service's slug (<c>Requests:CivilRegistryService</c>).
/// </summary>
public sealed class RemoteCivilRegistryTests : IAsyncLifetime
{
    private const string Agency = "disdukcapil";
    private const string Service = "cek-nik";
    private const string SiakKey = "siak-key-for-remote-registry-tests";
    private static readonly string AdapterKey = "adapter-key-" + Guid.NewGuid().ToString("N");

    private SampleLegacyApp _siak = null!;
    private GatewayApp _gateway = null!;
    private AdapterServiceApp _adapter = null!;

    public async ValueTask InitializeAsync()
    {
        _siak = await SiakApp.StartAsync(SiakKey);
        _gateway = await GatewayApp.StartAsync(DatabaseKind.Sqlite, settings: new Dictionary<string, string?>
        {
            ["Requests:CivilRegistryService"] = Service,
        });
        _adapter = await AdapterServices.StartAsync(b => b.AddDisdukcapilService(), a => a.MapDisdukcapilService(), DisdukcapilRegistration.Name,
            Agency, AdapterKey, _gateway, (_siak.BaseAddress, SiakApp.KeyHeader, SiakKey));
    }

    public async ValueTask DisposeAsync()
    {
        await _adapter.DisposeAsync();
        await _gateway.DisposeAsync();
        await _siak.DisposeAsync();
    }

    [Fact]
    public async Task A_citizen_verifies_their_NIK_against_the_registry_behind_an_adapter_service()
    {
        var registry = _gateway.Services.GetServices<ICivilRegistry>().First(); // the one the NIK page asks
        Assert.Equal("service:" + Service, registry.Name);
        var (citizen, browser) = await _gateway.SignedInAsync("citizen", nikVerified: false);
        var born = await ResidentInSiakAsync(citizen);

        // Until the service is in the catalogue as an adapter service, the registry cannot be asked.
        Assert.Equal(RegistryAnswer.Unavailable, await registry.CheckAsync(new RegistryQuery(citizen.Nik!, citizen.FullName!, born), TestContext.Current.CancellationToken));
        await RegisterAsync(AdapterKey);
        Assert.Equal(RegistryAnswer.NoMatch, await registry.CheckAsync(new RegistryQuery(citizen.Nik!, citizen.FullName!, born.AddDays(1)), TestContext.Current.CancellationToken));

        var verified = await browser.SubmitAsync("/akun/nik", new Dictionary<string, string>
        {
            ["nik"] = citizen.Nik!,
            ["fullName"] = citizen.FullName!,
            ["dateOfBirth"] = born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        var stored = await StoredAsync(citizen.Id);
        Assert.NotNull(stored.NikVerifiedAt);
        Assert.Equal("registry", stored.NikVerification);
        Assert.Equal("service:" + Service, stored.NikVerifiedBy);
    }

    [Fact]
    public async Task An_answer_not_proven_with_the_registered_key_or_no_answer_at_all_is_unavailable_never_a_match()
    {
        var registry = _gateway.Services.GetServices<ICivilRegistry>().First();
        var (citizen, _) = await _gateway.SignedInAsync("citizen", nikVerified: false);
        var born = await ResidentInSiakAsync(citizen);
        var query = new RegistryQuery(citizen.Nik!, citizen.FullName!, born);

        await RegisterAsync("another-key-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(RegistryAnswer.Unavailable, await registry.CheckAsync(query, TestContext.Current.CancellationToken));
        Assert.Contains(_gateway.Logs.Lines, l => l.Contains("not proven", StringComparison.Ordinal));
        Assert.DoesNotContain(_gateway.Logs.Lines, l => l.Contains(citizen.Nik!, StringComparison.Ordinal));

        using var admin = _gateway.CreateAdminClient();
        await (await admin.PutAsJsonAsync($"/api/admin/services/{Service}/exposure", Exposure(AdapterKey))).EnsureSuccessAsync();
        Assert.Equal(RegistryAnswer.Match, await registry.CheckAsync(query, TestContext.Current.CancellationToken));

        await _adapter.DisposeAsync();
        Assert.Equal(RegistryAnswer.Unavailable, await registry.CheckAsync(query, TestContext.Current.CancellationToken));
    }

    /// <summary>Puts the citizen in SIAK's register under their name and the birth date their NIK carries.</summary>
    private async Task<DateOnly> ResidentInSiakAsync(GatewayUser citizen)
    {
        var born = BornOn(citizen.Nik!);
        using var siak = new HttpClient { BaseAddress = _siak.BaseAddress };
        var resident = new { nik = citizen.Nik, nama_lengkap = citizen.FullName, tgl_lahir = born.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) };
        await (await siak.PostAsJsonAsync("/_sample/penduduk", resident)).EnsureSuccessAsync();
        return born;
    }

    /// <summary>The birth date a NIK carries (digits 7–12, DDMMYY; women add 40 to the day).</summary>
    private static DateOnly BornOn(string nik)
    {
        var day = int.Parse(nik[6..8], CultureInfo.InvariantCulture) % 40;
        var month = int.Parse(nik[8..10], CultureInfo.InvariantCulture);
        var year = 1900 + int.Parse(nik[10..12], CultureInfo.InvariantCulture);
        return new DateOnly(year, month, day);
    }

    private async Task RegisterAsync(string key)
    {
        await _gateway.CreateAgencyAsync(Agency);
        using var admin = _gateway.CreateAdminClient();
        await (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service(Service, Agency, Exposure(key)))).EnsureSuccessAsync();
    }

    private JsonObject Exposure(string key) => AdapterServices.Exposure(_adapter.BaseAddress, key);

    private async Task<GatewayUser> StoredAsync(Guid id)
    {
        await using var scope = _gateway.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<GatewayUser>>().FindByIdAsync(id.ToString()))!;
    }
}
