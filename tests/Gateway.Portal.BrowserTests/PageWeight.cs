using System.Text.Json;
using Microsoft.Playwright;

namespace Gateway.Portal.BrowserTests;

/// <summary>
/// Bytes a page costs on the wire, as Chromium counts them (the DevTools protocol's <c>encodedDataLength</c>:
/// compressed bodies plus headers, every resource the page loads; nothing for what the cache serves).
/// </summary>
internal sealed class PageWeight
{
    private long _bytes;

    public long Bytes => Interlocked.Read(ref _bytes);

    public static async Task<PageWeight> WatchAsync(IBrowserContext context, IPage page)
    {
        var weight = new PageWeight();
        var session = await context.NewCDPSessionAsync(page);
        session.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            if (e is { } finished && finished.TryGetProperty("encodedDataLength", out var length))
            {
                Interlocked.Add(ref weight._bytes, (long)length.GetDouble());
            }
        };
        await session.SendAsync("Network.enable");
        weight._session = session;
        return weight;
    }

    private ICDPSession? _session;

    public void Reset() => Interlocked.Exchange(ref _bytes, 0);

    /// <summary>Slow 3G as the issue names it: 400 kbit/s each way and 400 ms round trips.</summary>
    public Task EmulateSlow3GAsync() => _session!.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
    {
        ["offline"] = false,
        ["latency"] = 400,
        ["downloadThroughput"] = 400 * 1000 / 8,
        ["uploadThroughput"] = 400 * 1000 / 8,
    });
}
