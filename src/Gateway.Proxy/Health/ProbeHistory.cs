using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Model;

namespace Gateway.Proxy.Health;

/// <summary>The last few active probe results of every destination (success or failure), newest last.</summary>
internal sealed class ProbeHistory(IOptions<HealthCheckOptions> options)
{
    private readonly ConditionalWeakTable<DestinationState, Window> _windows = [];
    private readonly int _size = options.Value.RecentProbes;

    public Window Record(DestinationState destination, bool succeeded)
    {
        var window = _windows.GetValue(destination, _ => new Window(_size));
        window.Add(succeeded);
        return window;
    }

    public Window? Get(DestinationState destination) => _windows.TryGetValue(destination, out var w) ? w : null;

    /// <summary>A ring of the last probe results with running counts, so reading them costs nothing.</summary>
    internal sealed class Window(int size)
    {
        private readonly bool[] _results = new bool[size];
        private readonly Lock _gate = new();
        private int _next;
        private int _count;
        private int _failures;
        private int _consecutiveFailures;

        public int Count { get { lock (_gate) { return _count; } } }

        public int ConsecutiveFailures { get { lock (_gate) { return _consecutiveFailures; } } }

        public int Failures { get { lock (_gate) { return _failures; } } }

        public void Add(bool succeeded)
        {
            lock (_gate)
            {
                if (_count == _results.Length && !_results[_next])
                {
                    _failures--; // the failure about to be overwritten leaves the window
                }

                _results[_next] = succeeded;
                _next = (_next + 1) % _results.Length;
                _count = Math.Min(_count + 1, _results.Length);
                _failures += succeeded ? 0 : 1;
                _consecutiveFailures = succeeded ? 0 : _consecutiveFailures + 1;
            }
        }
    }
}
