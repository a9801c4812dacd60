using Adapters.Disdukcapil.LegacyApp;
using Gateway.Adapters.Sdk.Calls;

namespace Adapters.Disdukcapil.Tests;

/// <summary>What is particular to SIAK, beyond the kit's suite.</summary>
public sealed class SiakQuirkTests(SiakFixture fixture) : IClassFixture<SiakFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_status_the_sample_siak_knows_is_in_the_fixture()
    {
        Assert.Equal(SiakApp.Statuses.Order(), fixture.ExpectedStatuses.Keys.Order());
    }

    [Fact]
    public async Task An_application_without_a_registered_nik_is_refused_with_siaks_reason()
    {
        var submission = fixture.NewSubmission() with { Applicant = fixture.NewSubmission().Applicant with { Nik = null } };

        var outcome = await AdapterRuns.SubmitAsync(fixture.Adapter, submission, Ct);

        Assert.Equal(AdapterOutcomeKind.Refused, outcome.Kind);
        Assert.Equal("NIK pemohon tidak valid atau tidak terdaftar", outcome.Note);
    }

    [Fact]
    public async Task The_form_and_applicant_reach_siak_under_its_own_names()
    {
        var submission = fixture.NewSubmission();

        var outcome = await AdapterRuns.SubmitAsync(fixture.Adapter, submission, Ct);

        var legacyCase = fixture.LegacyApp.Cases.Find(outcome.ExternalReference!)!;
        Assert.Equal(submission.TrackingNumber, legacyCase.ClientReference);
        Assert.Equal("akta-kelahiran", legacyCase.Service);
        Assert.Equal("Aditya Pratama", legacyCase.Data["nama_anak"]);
    }

    [Fact]
    public async Task A_status_poll_reads_past_the_first_page_of_siaks_list()
    {
        var references = new List<string>();
        for (var i = 0; i < DisdukcapilAdapter.PageSize + 5; i++)
        {
            references.Add((await AdapterRuns.SubmitAsync(fixture.Adapter, fixture.NewSubmission(), Ct)).ExternalReference!);
        }

        var last = references[^1];
        fixture.LegacyApp.Cases.Find(last)!.Status = "SELESAI";
        var reports = await fixture.Adapter.FetchStatusesAsync(references, Ct);

        Assert.Equal(references.Count, reports.Count);
        Assert.Equal("SELESAI", reports.Single(r => r.ExternalReference == last).LegacyStatus);
    }

    [Fact]
    public async Task Status_questions_refused_with_429_are_retried_after_the_wait_siak_asks_for()
    {
        var filed = await AdapterRuns.SubmitAsync(fixture.Adapter, fixture.NewSubmission(), Ct);
        fixture.LegacyApp.Faults.Set(Gateway.Adapters.SampleHost.FaultKind.RateLimited, times: 1);

        var outcome = await AdapterRuns.FetchStatusAsync(fixture.Adapter, filed.ExternalReference!, Ct);

        Assert.Equal(AdapterOutcomeKind.Done, outcome.Kind);
    }
}
