using Gateway.Adapters.SampleHost;
using Gateway.Adapters.Sdk.Calls;
using Gateway.Contracts.Events.V1;
using Xunit;

namespace Gateway.Adapters.TestKit;

/// <summary>
/// The conformance suite every adapter must pass against its legacy app. Inherit it with the adapter's
/// fixture (<c>public sealed class SiakConformance(SiakFixture f) : AdapterConformanceTests&lt;SiakFixture&gt;(f)</c>)
/// and add tests for the adapter's own quirks beside it. Outcomes are judged exactly as the gateway
/// judges them (<see cref="AdapterRuns"/>): a pass here means the gateway files, retries and tracks
/// requests through this adapter correctly.
/// </summary>
public abstract class AdapterConformanceTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AdapterFixture
{
    protected TFixture Fixture { get; } = fixture;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Files a new case and insists it worked, saying why when it did not.</summary>
    protected async Task<AdapterOutcome> FileAsync()
    {
        var outcome = await AdapterRuns.SubmitAsync(Fixture.Adapter, Fixture.NewSubmission(), Ct);
        Assert.True(outcome.Kind == AdapterOutcomeKind.Done, $"filing a case: {outcome.Kind} {outcome.Problem}");
        return outcome;
    }

    [Fact]
    public async Task Submit_files_a_case_and_reports_its_first_status()
    {
        var outcome = await AdapterRuns.SubmitAsync(Fixture.Adapter, Fixture.NewSubmission(), Ct);

        Assert.Equal(AdapterOutcomeKind.Done, outcome.Kind);
        Assert.False(string.IsNullOrWhiteSpace(outcome.ExternalReference));
        Assert.NotNull(outcome.Status);
        Assert.NotNull(Fixture.LegacyApp.Cases.Find(outcome.ExternalReference!));
    }

    [Fact]
    public async Task Submitting_the_same_request_twice_files_one_case()
    {
        var submission = Fixture.NewSubmission();
        var before = Fixture.LegacyApp.Cases.Count;

        var first = await AdapterRuns.SubmitAsync(Fixture.Adapter, submission, Ct);
        var second = await AdapterRuns.SubmitAsync(Fixture.Adapter, submission, Ct);

        Assert.Equal(AdapterOutcomeKind.Done, first.Kind);
        Assert.Equal(AdapterOutcomeKind.Done, second.Kind);
        Assert.Equal(first.ExternalReference, second.ExternalReference);
        Assert.Equal(before + 1, Fixture.LegacyApp.Cases.Count);
    }

    [Fact]
    public void The_status_map_covers_every_status_of_the_legacy_app()
    {
        var unmapped = Fixture.ExpectedStatuses.Keys.Where(s => !Fixture.Adapter.Statuses.Knows(s)).ToList();

        Assert.Empty(unmapped);
    }

    [Fact]
    public async Task Every_legacy_status_is_read_and_mapped_as_expected()
    {
        var filed = await FileAsync();
        var legacyCase = Fixture.LegacyApp.Cases.Find(filed.ExternalReference!)!;

        foreach (var (legacy, expected) in Fixture.ExpectedStatuses)
        {
            legacyCase.Status = legacy;
            legacyCase.Note = $"catatan {legacy}";
            var outcome = await AdapterRuns.FetchStatusAsync(Fixture.Adapter, filed.ExternalReference!, Ct);

            Assert.True(outcome.Kind == AdapterOutcomeKind.Done, $"{legacy}: {outcome.Kind} {outcome.Problem}");
            Assert.Equal(expected, outcome.Status);
        }
    }

    [Fact]
    public async Task An_unmapped_legacy_status_is_an_error_for_operators_not_a_default()
    {
        var filed = await FileAsync();
        Fixture.LegacyApp.Cases.Find(filed.ExternalReference!)!.Status = "STATUS_BARU_2027";

        var outcome = await AdapterRuns.FetchStatusAsync(Fixture.Adapter, filed.ExternalReference!, Ct);

        Assert.Equal(AdapterOutcomeKind.Broken, outcome.Kind);
        Assert.Null(outcome.Status);
        Assert.Contains("STATUS_BARU_2027", outcome.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Polling_several_cases_reports_each_of_them()
    {
        var references = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            references.Add((await FileAsync()).ExternalReference!);
        }

        var reports = await Fixture.Adapter.FetchStatusesAsync(references, Ct);

        Assert.Equal(references.Order(), reports.Select(r => r.ExternalReference).Order());
        Assert.All(reports, r => Assert.True(Fixture.Adapter.Statuses.Knows(r.LegacyStatus), r.LegacyStatus));
    }

    [Theory]
    [InlineData(FaultKind.Timeout)]
    [InlineData(FaultKind.ServerError)]
    public async Task A_legacy_timeout_or_server_error_means_retry_later(FaultKind fault)
    {
        Fixture.LegacyApp.Faults.Set(fault, times: 5);
        try
        {
            var outcome = await AdapterRuns.SubmitAsync(Fixture.Adapter, Fixture.NewSubmission(), Ct);

            Assert.Equal(AdapterOutcomeKind.RetryLater, outcome.Kind);
        }
        finally
        {
            Fixture.LegacyApp.Faults.Set(FaultKind.None);
        }
    }

    [Fact]
    public async Task A_malformed_legacy_answer_is_reported_not_thrown()
    {
        var filed = await FileAsync();
        Fixture.LegacyApp.Faults.Set(FaultKind.Malformed, times: 5);
        try
        {
            var outcome = await AdapterRuns.FetchStatusAsync(Fixture.Adapter, filed.ExternalReference!, Ct);

            Assert.Equal(AdapterOutcomeKind.Broken, outcome.Kind);
            Assert.False(string.IsNullOrWhiteSpace(outcome.Problem));
        }
        finally
        {
            Fixture.LegacyApp.Faults.Set(FaultKind.None);
        }
    }

    [Fact]
    public async Task When_the_legacy_app_is_down_the_request_waits_and_is_filed_once_it_is_back()
    {
        var submission = Fixture.NewSubmission();
        await Fixture.LegacyApp.StopAsync(Ct);
        AdapterOutcome down;
        try
        {
            down = await AdapterRuns.SubmitAsync(Fixture.Adapter, submission, Ct);
        }
        finally
        {
            await Fixture.LegacyApp.StartAsync(Ct);
        }

        var back = await AdapterRuns.SubmitAsync(Fixture.Adapter, submission, Ct);
        var again = await AdapterRuns.SubmitAsync(Fixture.Adapter, submission, Ct);

        Assert.Equal(AdapterOutcomeKind.RetryLater, down.Kind);
        Assert.Equal(AdapterOutcomeKind.Done, back.Kind);
        Assert.Equal(back.ExternalReference, again.ExternalReference);
        Assert.Single(Fixture.LegacyApp.Cases.All, c => c.ClientReference == submission.TrackingNumber);
    }
}
