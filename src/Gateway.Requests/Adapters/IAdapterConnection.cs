using Gateway.Adapters.Sdk.Calls;
using Gateway.Adapters.Sdk.Protocol;
using Gateway.Contracts.Adapters.V1;

namespace Gateway.Requests.Adapters;

/// <summary>
/// One adapter service as the requests module uses it (<see cref="RemoteAdapterConnection"/>, over the
/// adapter contract). Every call answers an outcome; nothing throws but cancellation.
/// </summary>
internal interface IAdapterConnection
{
    Task<AdapterOutcome> SubmitAsync(AdapterSubmission submission, CancellationToken cancellationToken);

    Task<StatusAnswer> FetchStatusesAsync(IReadOnlyCollection<string> references, CancellationToken cancellationToken);

    /// <summary>What documents the agency's system takes (no types when it takes none); null when the adapter cannot be asked now.</summary>
    Task<DocumentRules?> DocumentRulesAsync(CancellationToken cancellationToken);

    Task<AdapterOutcome> AttachDocumentAsync(string reference, AdapterDocument document, Stream content, CancellationToken cancellationToken);
}

/// <summary>The agency system's own limits for documents.</summary>
internal sealed record DocumentRules(IReadOnlySet<string> ContentTypes, long MaxBytes);
