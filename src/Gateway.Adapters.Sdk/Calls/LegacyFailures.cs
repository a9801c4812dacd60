namespace Gateway.Adapters.Sdk.Calls;

/// <summary>
/// The legacy app could not be reached or did not answer in time (down, timeout, 5xx, 429, circuit
/// open). Nothing is wrong with the request: the gateway keeps it pending and tries again later.
/// </summary>
public sealed class LegacyUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The legacy app answered something the adapter cannot understand (malformed body, missing field, a
/// status nobody mapped). Retrying will not help until someone fixes the adapter or the app: operators
/// see it on the request.
/// </summary>
public class LegacyContractException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A status the adapter's <see cref="Contract.StatusMap"/> does not know.</summary>
public sealed class UnmappedLegacyStatusException(string legacyStatus)
    : LegacyContractException($"legacy status '{legacyStatus}' is not mapped")
{
    public string LegacyStatus { get; } = legacyStatus;
}

/// <summary>The legacy app understood the request and refused it (e.g. NIK unknown to the registry); the citizen is told why.</summary>
public sealed class LegacyRefusedException(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}
