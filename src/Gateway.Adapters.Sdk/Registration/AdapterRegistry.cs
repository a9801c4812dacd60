using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace Gateway.Adapters.Sdk.Registration;

/// <summary>Which adapter files requests for which catalogue service, read from configuration at start.</summary>
public sealed class AdapterRegistry
{
    private readonly FrozenDictionary<string, string> _byService;
    private readonly IOptionsMonitor<AdapterOptions> _options;

    public AdapterRegistry(IEnumerable<AdapterRegistration> registrations, IOptionsMonitor<AdapterOptions> options)
    {
        _options = options;
        // Only adapters bound to a service are active: an idle one is never polled or called.
        Names = [.. registrations.Select(r => r.Name).Distinct(StringComparer.Ordinal)
            .Where(n => options.Get(n).Services.Count > 0).Order(StringComparer.Ordinal)];
        var byService = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Names)
        {
            foreach (var slug in options.Get(name).Services)
            {
                if (!byService.TryAdd(slug, name))
                {
                    throw new OptionsValidationException(name, typeof(AdapterOptions),
                        [$"Service '{slug}' is bound to two adapters ('{byService[slug]}' and '{name}'); a service has one."]);
                }
            }
        }

        _byService = byService.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The adapter bound to a catalogue service, or null when the service takes no requests through an adapter.</summary>
    public string? NameForService(string serviceSlug) => _byService.GetValueOrDefault(serviceSlug);

    public AdapterOptions OptionsOf(string name) => _options.Get(name);
}
