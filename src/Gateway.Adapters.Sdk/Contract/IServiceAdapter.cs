using Gateway.Contracts.Adapters.V1;

namespace Gateway.Adapters.Sdk.Contract;

/// <summary>
/// What an adapter does for the gateway: file a citizen's request in the agency's system and say where
/// it stands. Calls may throw the <see cref="Calls.LegacyUnavailableException"/> family; anything else
/// is treated as a fault of the adapter. Derive from <see cref="ServiceAdapter"/> rather than
/// implementing this directly.
/// </summary>
public interface IServiceAdapter
{
    /// <summary>Every status the legacy system can report, mapped to ours. Total by construction: see <see cref="StatusMap"/>.</summary>
    StatusMap Statuses { get; }

    /// <summary>
    /// Files the request. Must be safe to call twice for one request (the gateway retries after a
    /// timeout it cannot tell from a failure): the second call returns the first call's case.
    /// </summary>
    Task<AdapterReceipt> SubmitAsync(AdapterSubmission submission, CancellationToken cancellationToken);

    /// <summary>Where one case stands.</summary>
    Task<LegacyStatusReport> FetchStatusAsync(string externalReference, CancellationToken cancellationToken);

    /// <summary>Where several cases stand, for the gateway's periodic poll; references the legacy system does not know are left out.</summary>
    Task<IReadOnlyList<LegacyStatusReport>> FetchStatusesAsync(IReadOnlyCollection<string> externalReferences, CancellationToken cancellationToken);
}

/// <summary>An adapter whose legacy system accepts supporting documents.</summary>
public interface IDocumentAdapter
{
    /// <summary>Content types the legacy system accepts, e.g. <c>application/pdf</c>.</summary>
    IReadOnlySet<string> AcceptedContentTypes { get; }

    /// <summary>The largest document the legacy system accepts, in bytes.</summary>
    long MaxDocumentBytes { get; }

    Task AttachDocumentAsync(string externalReference, AdapterDocument document, Stream content, CancellationToken cancellationToken);
}
