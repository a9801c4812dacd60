using Gateway.Platform.Forms;

namespace Gateway.Platform.Agencies;

/// <summary>
/// What another module needs to know about a catalogue service (service requests: who owns it, its
/// promised completion time, its form) without depending on the catalogue module. The catalogue
/// implements it from its in-memory snapshot.
/// </summary>
public interface IServiceDirectory
{
    ServiceEntry? Find(string slug);
}

/// <summary>A service as other modules see it.</summary>
/// <param name="CompletionWorkingDays">From the published service standard; 0 means the same day.</param>
/// <param name="RequestForm">The application form; null when the service takes no requests through the gateway.</param>
/// <param name="NeedsVerifiedNik">Only citizens whose NIK is verified may apply.</param>
/// <param name="Adapter">Where requests are filed when the service's app is an adapter service; null otherwise.</param>
public sealed record ServiceEntry(
    string Slug,
    string AgencyCode,
    string NameId,
    string? NameEn,
    int CompletionWorkingDays,
    FormSchema? RequestForm,
    bool NeedsVerifiedNik = false,
    AdapterEndpoint? Adapter = null);

/// <summary>An adapter service registered in the catalogue (upstream authentication <c>adapter</c>).</summary>
/// <param name="Address">The service's first destination; the adapter contract is under <c>/adapter/v1</c> there.</param>
/// <param name="ProtectedKey">The adapter's key as stored (Data Protection); see <c>UpstreamSecrets</c>.</param>
/// <param name="TimeoutSeconds">The exposure's timeout, per call.</param>
public sealed record AdapterEndpoint(Uri Address, string ProtectedKey, int TimeoutSeconds);
