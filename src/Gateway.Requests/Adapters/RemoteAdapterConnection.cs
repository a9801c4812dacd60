using Gateway.Adapters.Sdk.Calls;
using Gateway.Adapters.Sdk.Protocol;
using Gateway.Contracts.Adapters.V1;

namespace Gateway.Requests.Adapters;

/// <summary>
/// An adapter service registered in the catalogue, called over HTTP through the SDK's
/// <see cref="AdapterServiceClient"/>: calls signed with the gateway's key, answers proven with the
/// adapter's key registered in the catalogue.
/// </summary>
internal sealed class RemoteAdapterConnection(AdapterServiceClient client) : IAdapterConnection
{
    public Task<AdapterOutcome> SubmitAsync(AdapterSubmission submission, CancellationToken cancellationToken) =>
        client.SubmitAsync(submission, cancellationToken);

    public Task<StatusAnswer> FetchStatusesAsync(IReadOnlyCollection<string> references, CancellationToken cancellationToken) =>
        client.FetchStatusesAsync(references, cancellationToken);

    public async Task<DocumentRules?> DocumentRulesAsync(CancellationToken cancellationToken)
    {
        var (manifest, _) = await client.ManifestAsync(cancellationToken);
        return manifest is null
            ? null
            : new DocumentRules(manifest.AcceptedContentTypes.ToHashSet(StringComparer.OrdinalIgnoreCase), manifest.MaxDocumentBytes);
    }

    public Task<AdapterOutcome> AttachDocumentAsync(string reference, AdapterDocument document, Stream content, CancellationToken cancellationToken) =>
        client.AttachDocumentAsync(reference, document, content, cancellationToken);
}
