namespace Gateway.Bench.Events;

/// <summary>Something that moves events from a producer to a consumer; RunAsync returns when all were consumed.</summary>
internal interface IBenchTarget : IAsyncDisposable
{
    Task StartAsync();

    Task RunAsync(int events);
}

/// <summary>Counts consumed events and completes when the expected number arrived.</summary>
internal sealed class Arrivals
{
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _expected;
    private int _count;

    public Task Expect(int events)
    {
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _count, 0);
        Volatile.Write(ref _expected, events);
        return _done.Task;
    }

    public void Arrived()
    {
        if (Interlocked.Increment(ref _count) == Volatile.Read(ref _expected))
        {
            _done.TrySetResult();
        }
    }
}
