using Adapters.Lapor.LegacyApp;
using Gateway.Adapters.Sdk.Calls;
using Gateway.Contracts.Events.V1;

namespace Adapters.Lapor.Tests;

/// <summary>What is particular to LAPOR!, beyond the kit's suite.</summary>
public sealed class LaporQuirkTests(LaporFixture fixture) : IClassFixture<LaporFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_status_the_sample_app_knows_is_in_the_fixture()
    {
        Assert.Equal(LaporApp.Statuses.Order(), fixture.ExpectedStatuses.Keys.Order());
    }

    [Theory]
    [InlineData("lalu-lintas", "Dinas Perhubungan")]
    [InlineData("jalan-berlubang", "Dinas Pekerjaan Umum dan Penataan Ruang")]
    [InlineData("kebisingan", "Dinas Komunikasi dan Informatika")]
    public async Task Once_forwarded_the_citizen_is_told_which_agency_the_category_sent_it_to(string category, string agency)
    {
        var fields = new Dictionary<string, string>(fixture.SampleFields) { ["kategori"] = category };
        var filed = await AdapterRuns.SubmitAsync(fixture.Adapter, fixture.NewSubmission() with { Fields = fields }, Ct);
        var legacyCase = fixture.LegacyApp.Cases.Find(filed.ExternalReference!)!;
        legacyCase.Status = "Diteruskan ke Instansi";
        legacyCase.Note = "Petugas akan meninjau lokasi";

        var outcome = await AdapterRuns.FetchStatusAsync(fixture.Adapter, filed.ExternalReference!, Ct);

        Assert.Equal(ServiceRequestStatus.InProcess, outcome.Status);
        Assert.Equal($"Diteruskan ke {agency}. Petugas akan meninjau lokasi", outcome.Note);
    }

    [Fact]
    public async Task A_report_too_short_is_refused_with_laporan_reason()
    {
        var fields = new Dictionary<string, string>(fixture.SampleFields) { ["isi"] = "macet" };

        var outcome = await AdapterRuns.SubmitAsync(fixture.Adapter, fixture.NewSubmission() with { Fields = fields }, Ct);

        Assert.Equal(AdapterOutcomeKind.Refused, outcome.Kind);
        Assert.Equal("Isi laporan terlalu singkat (minimal 20 karakter)", outcome.Note);
    }

    [Fact]
    public async Task Statuses_are_matched_however_lapor_writes_their_case_and_spaces()
    {
        var filed = await AdapterRuns.SubmitAsync(fixture.Adapter, fixture.NewSubmission(), Ct);
        fixture.LegacyApp.Cases.Find(filed.ExternalReference!)!.Status = "  SELESAI ";

        var outcome = await AdapterRuns.FetchStatusAsync(fixture.Adapter, filed.ExternalReference!, Ct);

        Assert.Equal(ServiceRequestStatus.Completed, outcome.Status);
    }
}
