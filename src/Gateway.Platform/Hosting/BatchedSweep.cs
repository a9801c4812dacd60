namespace Gateway.Platform.Hosting;

/// <summary>
/// The loop of a background sweep that works through a backlog in batches (overdue requests, overdue
/// complaints): at once and then every <c>every</c>, batches until one comes back short; a failed round is
/// reported and the next tick tries again. Returns when the host stops.
/// </summary>
public static class BatchedSweep
{
    public static async Task RunAsync(
        TimeSpan every, TimeProvider time, int batchSize, Func<CancellationToken, Task<int>> sweepBatch, Action<Exception> roundFailed,
        CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(every, time);
        do
        {
            try
            {
                while (await sweepBatch(stoppingToken) == batchSize)
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                roundFailed(ex);
            }
        }
        while (await timer.NextTickOrStopAsync(stoppingToken));
    }
}
