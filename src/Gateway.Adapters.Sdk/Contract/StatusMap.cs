using System.Collections.Frozen;
using Gateway.Adapters.Sdk.Calls;
using Gateway.Contracts.Events.V1;

namespace Gateway.Adapters.Sdk.Contract;

/// <summary>
/// The legacy system's statuses and what each means for the citizen. A status the map does not know is
/// an error (<see cref="UnmappedLegacyStatusException"/>) shown to operators, never a silent default:
/// guessing "in process" for an unknown "DITOLAK_SEMENTARA" would tell a citizen the wrong thing.
/// Matching ignores case and surrounding spaces, as legacy exports are inconsistent about both.
/// </summary>
public sealed class StatusMap
{
    private readonly FrozenDictionary<string, ServiceRequestStatus> _map;

    private StatusMap(FrozenDictionary<string, ServiceRequestStatus> map) => _map = map;

    public static StatusMap Of(params (string Legacy, ServiceRequestStatus Status)[] entries)
    {
        if (entries.Length == 0)
        {
            throw new ArgumentException("A status map needs at least one entry.", nameof(entries));
        }

        var map = new Dictionary<string, ServiceRequestStatus>(StringComparer.OrdinalIgnoreCase);
        foreach (var (legacy, status) in entries)
        {
            if (string.IsNullOrWhiteSpace(legacy) || !map.TryAdd(legacy.Trim(), status))
            {
                throw new ArgumentException($"Legacy status '{legacy}' is empty or mapped twice.", nameof(entries));
            }

            if (status == ServiceRequestStatus.Cancelled)
            {
                throw new ArgumentException("Only the citizen cancels (through the gateway); map a legacy cancellation to Rejected.", nameof(entries));
            }
        }

        return new StatusMap(map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Every legacy status and what it means (an adapter service publishes them in its manifest).</summary>
    public IReadOnlyDictionary<string, ServiceRequestStatus> Entries => _map;

    public bool Knows(string legacyStatus) => _map.ContainsKey(legacyStatus.Trim());

    public ServiceRequestStatus Map(string legacyStatus) =>
        _map.TryGetValue(legacyStatus.Trim(), out var status) ? status : throw new UnmappedLegacyStatusException(legacyStatus);
}
