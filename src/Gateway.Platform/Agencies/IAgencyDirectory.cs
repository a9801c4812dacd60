namespace Gateway.Platform.Agencies;

/// <summary>
/// Which agencies exist, for modules that refer to agencies by code (subscriptions, complaint routing)
/// without depending on the catalogue module that owns them. The catalogue implements it.
/// </summary>
public interface IAgencyDirectory
{
    bool Exists(string agencyCode);

    /// <summary>The agency's name in the visitor's language, for pages; the code itself when unknown.</summary>
    string NameOf(string agencyCode) => agencyCode;
}
