namespace Gateway.Testing;

/// <summary>Polls a condition that becomes true asynchronously (a message delivered, a status changed).</summary>
public static class Eventually
{
    /// <param name="interval">Between tries (50 ms); longer where each try costs the system under test (a filing).</param>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds} s waiting for {what}.");
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(50));
        }
    }
}
