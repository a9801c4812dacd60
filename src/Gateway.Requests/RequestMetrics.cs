using System.Diagnostics.Metrics;
using Gateway.Contracts.Events.V1;

namespace Gateway.Requests;

/// <summary>Counters for the operators' dashboards (meter <c>SatuPintu.Requests</c>), instead of a log line per request.</summary>
internal sealed class RequestMetrics
{
    public const string MeterName = "SatuPintu.Requests";

    private readonly Counter<long> _submitted;
    private readonly Counter<long> _dispatches;
    private readonly Counter<long> _statusChanges;
    private readonly Counter<long> _overdue;

    public RequestMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _submitted = meter.CreateCounter<long>("satupintu.requests.submitted", description: "Requests submitted, by agency");
        _dispatches = meter.CreateCounter<long>("satupintu.requests.dispatches", description: "Tries to file a request in the agency's system, by adapter and outcome");
        _statusChanges = meter.CreateCounter<long>("satupintu.requests.status_changes", description: "Status changes, by agency and new status");
        _overdue = meter.CreateCounter<long>("satupintu.requests.overdue", description: "Requests that passed their deadline, by agency");
    }

    public void Submitted(string agency) => _submitted.Add(1, new KeyValuePair<string, object?>("agency", agency));

    public void Dispatched(string adapter, string outcome) =>
        _dispatches.Add(1, new KeyValuePair<string, object?>("adapter", adapter), new KeyValuePair<string, object?>("outcome", outcome));

    public void StatusChanged(string agency, ServiceRequestStatus status) =>
        _statusChanges.Add(1, new KeyValuePair<string, object?>("agency", agency), new KeyValuePair<string, object?>("status", status.ToString()));

    public void Overdue(string agency) => _overdue.Add(1, new KeyValuePair<string, object?>("agency", agency));
}
