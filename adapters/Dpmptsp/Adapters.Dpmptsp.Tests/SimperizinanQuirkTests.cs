using Adapters.Dpmptsp.LegacyApp;
using Gateway.Adapters.Sdk.Calls;
using Gateway.Testing;

namespace Adapters.Dpmptsp.Tests;

/// <summary>What is particular to SIMPERIZINAN, beyond the kit's suite.</summary>
public sealed class SimperizinanQuirkTests(SimperizinanFixture fixture) : IClassFixture<SimperizinanFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_status_the_sample_app_knows_is_in_the_fixture()
    {
        Assert.Equal(SimperizinanApp.Statuses.Order(), fixture.ExpectedStatuses.Keys.Order());
    }

    [Fact]
    public async Task A_business_permit_without_a_nib_is_refused_with_the_reason_from_inside_the_soap_answer()
    {
        var submission = fixture.NewSubmission() with { ServiceSlug = "nib-usaha-mikro" };

        var outcome = await AdapterRuns.SubmitAsync(fixture.Adapter, submission, Ct);

        Assert.Equal(AdapterOutcomeKind.Refused, outcome.Kind);
        Assert.StartsWith("NIB tidak ditemukan di OSS", outcome.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_reaches_simperizinan_in_its_own_fields()
    {
        var submission = fixture.NewSubmission();

        var outcome = await AdapterRuns.SubmitAsync(fixture.Adapter, submission, Ct);

        Assert.Equal(AdapterOutcomeKind.Done, outcome.Kind);
        var legacyCase = fixture.LegacyApp.Cases.Find(outcome.ExternalReference!)!;
        Assert.Matches(@"^503/\d{5}/DPMPTSP/\d{4}$", legacyCase.Number);
        Assert.Equal("Jl. Asia Afrika No. 8, Bandung", legacyCase.Data["LokasiUsaha"]);
        Assert.Contains("luas_bangunan_m2=120", legacyCase.Data["Keterangan"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_registration_is_a_soap_fault_reported_as_a_broken_contract()
    {
        var outcome = await AdapterRuns.FetchStatusAsync(fixture.Adapter, "503/99999/DPMPTSP/1999", Ct);

        Assert.NotEqual(AdapterOutcomeKind.Done, outcome.Kind);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Problem));
    }

    [Fact]
    public async Task The_wsdl_kept_in_openapi_agencies_is_the_one_the_sample_app_serves()
    {
        using var http = new HttpClient();
        var served = await http.GetStringAsync(new Uri(fixture.LegacyApp.BaseAddress, SimperizinanApp.Path.TrimStart('/') + "?wsdl"), Ct);
        var path = Path.Combine(RepositoryRoot.Path, "openapi", "agencies", "dpmptsp-simperizinan.wsdl");
        served = served.Replace(fixture.LegacyApp.BaseAddress.ToString().TrimEnd('/'), "http://simperizinan.dpmptsp.local", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("SATUPINTU_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, served, Ct);
        }

        Assert.Equal(served, await File.ReadAllTextAsync(path, Ct));
    }
}
