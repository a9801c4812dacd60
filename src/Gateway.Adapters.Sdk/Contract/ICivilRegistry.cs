namespace Gateway.Adapters.Sdk.Contract;

/// <summary>
/// The civil registry's answer to "is this NIK this person's?" — how the gateway raises a self-registered
/// NIK from claimed to verified without a counter visit. The registry says match or no match, never
/// whose the NIK is: nothing about another person leaves it. Implemented by the Disdukcapil adapter.
/// </summary>
public interface ICivilRegistry
{
    /// <summary>The adapter's name (<c>Adapters:{Name}</c>), recorded as who verified the NIK.</summary>
    string Name { get; }

    Task<RegistryAnswer> CheckAsync(RegistryQuery query, CancellationToken cancellationToken);
}

/// <param name="Nik">The 16-digit NIK.</param>
/// <param name="FullName">The name as on the KTP; compared without regard to case or spacing.</param>
/// <param name="DateOfBirth">As on the KTP.</param>
public sealed record RegistryQuery(string Nik, string FullName, DateOnly DateOfBirth);

public enum RegistryAnswer
{
    /// <summary>The registry holds this NIK with this name and date of birth.</summary>
    Match,

    /// <summary>It does not (unknown NIK, or another name or date): the same answer either way.</summary>
    NoMatch,

    /// <summary>The registry could not be asked now (down, timed out, refused the call): try later.</summary>
    Unavailable,
}
