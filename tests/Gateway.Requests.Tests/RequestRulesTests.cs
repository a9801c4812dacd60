using Gateway.Adapters.Sdk.Calls;
using Gateway.Contracts.Events.V1;
using Gateway.Requests.Dispatch;
using Gateway.Requests.Model;
using Gateway.Requests.Submitting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gateway.Requests.Tests;

public sealed class RequestRulesTests
{
    [Fact]
    public void Tracking_numbers_read_city_agency_year_and_a_six_digit_serial() =>
        Assert.Equal("BDG-DPMPTSP-2026-000123", TrackingNumbers.Format("BDG", "dpmptsp", 2026, 123));

    [Fact]
    public void Retries_double_from_five_seconds_up_to_the_ceiling_and_a_broken_contract_waits_at_the_ceiling()
    {
        var dispatcher = new RequestDispatcher(null!, null!, null!, null!, null!, Options.Create(new RequestOptions { MaxRetryDelaySeconds = 60 }),
            TimeProvider.System, NullLogger<RequestDispatcher>.Instance);

        var delays = Enumerable.Range(1, 6).Select(a => dispatcher.RetryDelay(a, AdapterOutcomeKind.RetryLater)).ToList();

        Assert.InRange(delays[0].TotalSeconds, 5, 6);
        Assert.InRange(delays[1].TotalSeconds, 10, 11);
        Assert.InRange(delays[3].TotalSeconds, 40, 41);
        Assert.All(delays.Skip(4), d => Assert.InRange(d.TotalSeconds, 60, 61));
        Assert.Equal(TimeSpan.FromSeconds(60), dispatcher.RetryDelay(1, AdapterOutcomeKind.Broken));
    }

    [Theory]
    [InlineData(ServiceRequestStatus.Submitted, true, false)]
    [InlineData(ServiceRequestStatus.Verified, false, false)]
    [InlineData(ServiceRequestStatus.Completed, false, true)]
    [InlineData(ServiceRequestStatus.Rejected, false, true)]
    [InlineData(ServiceRequestStatus.Cancelled, false, true)]
    public void Citizens_cancel_only_what_the_agency_has_not_accepted(ServiceRequestStatus status, bool canCancel, bool isFinal)
    {
        Assert.Equal(canCancel, RequestStatuses.CanCancel(status));
        Assert.Equal(isFinal, RequestStatuses.IsFinal(status));
        Assert.False(string.IsNullOrEmpty(RequestStatuses.Label(status).Id));
        Assert.NotEqual(RequestStatuses.Label(status).Id, RequestStatuses.Label(status).En);
    }
}
