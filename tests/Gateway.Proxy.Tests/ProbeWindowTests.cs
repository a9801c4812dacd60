using Gateway.Proxy.Health;
using Microsoft.Extensions.Options;

namespace Gateway.Proxy.Tests;

public sealed class ProbeWindowTests
{
    private static ProbeHistory.Window Window(int size) =>
        new ProbeHistory(Options.Create(new HealthCheckOptions { RecentProbes = size }))
            .Record(new Yarp.ReverseProxy.Model.DestinationState("d"), true);

    [Fact]
    public void Counts_follow_the_last_probes_only()
    {
        var window = Window(3); // [ok]
        window.Add(false);      // [ok, fail]
        window.Add(false);      // [ok, fail, fail]
        Assert.Equal((3, 2, 2), (window.Count, window.Failures, window.ConsecutiveFailures));

        window.Add(true);       // [fail, fail, ok]
        Assert.Equal((3, 2, 0), (window.Count, window.Failures, window.ConsecutiveFailures));

        window.Add(true);       // [fail, ok, ok]
        window.Add(true);       // [ok, ok, ok]
        Assert.Equal((3, 0, 0), (window.Count, window.Failures, window.ConsecutiveFailures));
    }

    [Fact]
    public void Consecutive_failures_keep_counting_past_the_window()
    {
        var window = Window(2);
        for (var i = 0; i < 5; i++)
        {
            window.Add(false);
        }

        Assert.Equal((2, 2, 5), (window.Count, window.Failures, window.ConsecutiveFailures));
    }
}
