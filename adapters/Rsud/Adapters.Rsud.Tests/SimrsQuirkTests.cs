using Adapters.Rsud.LegacyApp;
using Gateway.Adapters.Sdk.Calls;

namespace Adapters.Rsud.Tests;

/// <summary>What is particular to SIMRS, beyond the kit's suite.</summary>
public sealed class SimrsQuirkTests(SimrsFixture fixture) : IClassFixture<SimrsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_status_the_sample_app_knows_is_in_the_fixture()
    {
        Assert.Equal(SimrsApp.Statuses.Order(), fixture.ExpectedStatuses.Keys.Order());
    }

    [Fact]
    public async Task A_polyclinic_without_online_registration_is_refused_with_simrs_reason()
    {
        var submission = fixture.NewSubmission() with { Fields = new Dictionary<string, string> { ["poli"] = "jantung", ["tanggal_kunjungan"] = "2030-01-02" } };

        var outcome = await AdapterRuns.SubmitAsync(fixture.Adapter, submission, Ct);

        Assert.Equal(AdapterOutcomeKind.Refused, outcome.Kind);
        Assert.Equal("Poli tidak tersedia untuk pendaftaran online", outcome.Note);
    }

    [Fact]
    public async Task The_visit_date_reaches_simrs_in_its_own_format()
    {
        var submission = fixture.NewSubmission() with { Fields = new Dictionary<string, string> { ["poli"] = "gigi", ["tanggal_kunjungan"] = "2030-01-02" } };

        var outcome = await AdapterRuns.SubmitAsync(fixture.Adapter, submission, Ct);

        var legacyCase = fixture.LegacyApp.Cases.Find(outcome.ExternalReference!)!;
        Assert.Equal("02/01/2030", legacyCase.Data["tgl_kunjungan"]);
        Assert.StartsWith("RJ20300102", legacyCase.Number, StringComparison.Ordinal);
    }

    [Fact]
    public void An_export_cut_short_is_refused_not_read_as_fewer_cases()
    {
        const string Whole = "no_registrasi;no_referensi;poli;tgl_kunjungan;status;keterangan\r\nRJ1;A;anak;01/01/2030;SELESAI;\r\nRJ2;B;anak;01/01/2030;\"DIPANGGIL\";\"ruang 3; lantai 2\"\r\nTOTAL;2\r\n";

        var rows = SimrsExport.Parse(Whole);

        Assert.Equal("ruang 3; lantai 2", rows[1].Note);
        Assert.Throws<LegacyContractException>(() => SimrsExport.Parse(Whole[..^10]));
        Assert.Throws<LegacyContractException>(() => SimrsExport.Parse(Whole.Replace("TOTAL;2", "TOTAL;3", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Notes_with_semicolons_and_quotes_come_through_the_export_intact()
    {
        var filed = await AdapterRuns.SubmitAsync(fixture.Adapter, fixture.NewSubmission(), Ct);
        var legacyCase = fixture.LegacyApp.Cases.Find(filed.ExternalReference!)!;
        legacyCase.Status = "RUJUK_ULANG";
        legacyCase.Note = "Bawa surat rujukan \"FKTP\"; berlaku 30 hari";

        var outcome = await AdapterRuns.FetchStatusAsync(fixture.Adapter, filed.ExternalReference!, Ct);

        Assert.Equal("Bawa surat rujukan \"FKTP\"; berlaku 30 hari", outcome.Note);
    }
}
