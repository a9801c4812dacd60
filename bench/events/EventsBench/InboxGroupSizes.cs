using System.Diagnostics.Metrics;

namespace Gateway.Bench.Events;

/// <summary>Listens to the gateway's <c>satupintu.inbox.group_size</c>: how many events each inbox transaction held.</summary>
internal sealed class InboxGroupSizes : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _groups;
    private long _events;

    public InboxGroupSizes()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "satupintu.inbox.group_size")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, size, _, _) =>
        {
            Interlocked.Increment(ref _groups);
            Interlocked.Add(ref _events, size);
        });
        _listener.Start();
    }

    public override string ToString() =>
        _groups == 0 ? "inbox: no groups" : FormattableString.Invariant($"inbox: {_groups} transactions, {(double)_events / _groups:F1} events each on average");

    public void Dispose() => _listener.Dispose();
}
