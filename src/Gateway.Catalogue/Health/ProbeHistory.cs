using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Model;

namespace Gateway.Catalogue.Health;

/// <summary>The last few active probe results of every destination (success or failure), newest last.</summary>
internal sealed class ProbeHistory(IOptions<CatalogueOptions> options)
{
    private readonly ConditionalWeakTable<DestinationState, Window> _windows = [];
    private readonly int _size = options.Value.Health.RecentProbes;

    public Window Record(DestinationState destination, bool succeeded)
    {
        var window = _windows.GetValue(destination, _ => new Window(_size));
        window.Add(succeeded);
        return window;
    }

    public Window? Get(DestinationState destination) => _windows.TryGetValue(destination, out var w) ? w : null;

    internal sealed class Window(int size)
    {
        private readonly Queue<bool> _results = new(size);
        private readonly Lock _gate = new();

        public int Count { get { lock (_gate) { return _results.Count; } } }

        public int ConsecutiveFailures
        {
            get
            {
                lock (_gate)
                {
                    return _results.Reverse().TakeWhile(ok => !ok).Count();
                }
            }
        }

        public int Failures { get { lock (_gate) { return _results.Count(ok => !ok); } } }

        public void Add(bool succeeded)
        {
            lock (_gate)
            {
                if (_results.Count == size)
                {
                    _results.Dequeue();
                }

                _results.Enqueue(succeeded);
            }
        }
    }
}
