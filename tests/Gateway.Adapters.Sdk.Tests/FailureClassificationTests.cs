using System.Net;
using System.Text.Json;
using System.Xml;
using Gateway.Adapters.Sdk.Calls;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Gateway.Adapters.Sdk.Tests;

/// <summary>What a failing legacy call becomes: retry later, operators, or the citizen told why.</summary>
public sealed class FailureClassificationTests
{
    public static TheoryData<Exception, AdapterOutcomeKind> Failures => new()
    {
        { new HttpRequestException("Connection refused"), AdapterOutcomeKind.RetryLater },
        { new TimeoutRejectedException("attempt timed out"), AdapterOutcomeKind.RetryLater },
        { new BrokenCircuitException("open"), AdapterOutcomeKind.RetryLater },
        { new TaskCanceledException("HttpClient.Timeout"), AdapterOutcomeKind.RetryLater },
        { new JsonException("unexpected end"), AdapterOutcomeKind.Broken },
        { new XmlException("unexpected end of file"), AdapterOutcomeKind.Broken },
        { new LegacyContractException("no status"), AdapterOutcomeKind.Broken },
        { new LegacyRefusedException("NIK tidak terdaftar"), AdapterOutcomeKind.Refused },
        { new ArgumentOutOfRangeException("index", "adapter bug"), AdapterOutcomeKind.Broken },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_failure_becomes_the_outcome_the_gateway_acts_on(Exception failure, AdapterOutcomeKind expected)
    {
        var outcome = AdapterRuns.Failed(failure, "submit");

        Assert.Equal(expected, outcome.Kind);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Problem));
    }

    [Fact]
    public void A_refusal_carries_the_legacy_apps_reason_for_the_citizen()
    {
        var outcome = AdapterRuns.Failed(new LegacyRefusedException("Kuota poli penuh"), "submit");

        Assert.Equal("Kuota poli penuh", outcome.Note);
    }

    [Fact]
    public async Task A_call_cancelled_by_the_gateway_itself_is_not_disguised_as_the_legacy_apps_fault()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAsync<TaskCanceledException>(() =>
            LegacyCalls.RunAsync<int>(() => throw new TaskCanceledException(), "status", cancelled.Token));
    }

    [Fact]
    public async Task A_server_error_status_is_unavailable_and_a_client_error_is_a_contract_problem()
    {
        var unavailable = await Assert.ThrowsAsync<LegacyUnavailableException>(() =>
            LegacyCalls.RunAsync<int>(() => throw ApiError(HttpStatusCode.ServiceUnavailable), "status"));
        var broken = await Assert.ThrowsAsync<LegacyContractException>(() =>
            LegacyCalls.RunAsync<int>(() => throw ApiError(HttpStatusCode.BadRequest), "status"));

        Assert.Contains("503", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains("400", broken.Message, StringComparison.Ordinal);
    }

    private static Refit.ApiException ApiError(HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://legacy.local/x");
        using var response = new HttpResponseMessage(status) { RequestMessage = request };
        return Refit.ApiException.Create(request, HttpMethod.Get, response, new Refit.RefitSettings()).GetAwaiter().GetResult();
    }
}
