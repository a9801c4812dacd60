using Gateway.Platform.Agencies;

namespace Gateway.Catalogue.Snapshot;

/// <summary>Answers from the in-memory snapshot: no database call.</summary>
internal sealed class CatalogueAgencyDirectory(CatalogueState state) : IAgencyDirectory
{
    public bool Exists(string agencyCode) => state.Current.AgenciesByCode.ContainsKey(agencyCode);

    public string NameOf(string agencyCode) =>
        state.Current.AgenciesByCode.TryGetValue(agencyCode, out var agency) ? agency.Name.Localize() : agencyCode;
}
