using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Gateway.Messaging.Bus;

/// <summary>This gateway instance's name: it names the instance's own queues and the leases it holds.</summary>
public sealed partial class InstanceIdentity(IOptions<MessagingOptions> options)
{
    public string Name { get; } = Normalise(options.Value.InstanceName is { Length: > 0 } configured
        ? configured
        : $"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..8]}");

    // Queue names travel in URIs; keep them to lower-case letters, digits and dashes.
    private static string Normalise(string name) => Unsafe().Replace(name.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9-]+")]
    private static partial Regex Unsafe();
}
