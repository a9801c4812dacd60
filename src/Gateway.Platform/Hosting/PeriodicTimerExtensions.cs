namespace Gateway.Platform.Hosting;

public static class PeriodicTimerExtensions
{
    /// <summary>False when the host stops during the wait: the normal way out of a loop, not a failure of the service.</summary>
    public static async Task<bool> NextTickOrStopAsync(this PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
