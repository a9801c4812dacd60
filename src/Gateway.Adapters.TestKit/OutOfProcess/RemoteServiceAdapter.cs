using Gateway.Adapters.Sdk.Calls;
using Gateway.Adapters.Sdk.Contract;
using Gateway.Adapters.Sdk.Protocol;
using Gateway.Contracts.Adapters.V1;

namespace Gateway.Adapters.TestKit.OutOfProcess;

/// <summary>
/// An adapter service seen through the gateway's own client (<see cref="AdapterServiceClient"/>), turned
/// back into an <see cref="IServiceAdapter"/> so the kit's suite runs unchanged against it: each outcome
/// the service answers becomes the receipt or the exception the adapter itself would have given.
/// </summary>
internal class RemoteServiceAdapter(AdapterServiceClient client, AdapterManifest manifest) : IServiceAdapter
{
    protected AdapterServiceClient Client { get; } = client;

    public StatusMap Statuses { get; } = StatusMap.Of([.. manifest.Statuses.Select(s => (s.Key, s.Value))]);

    public async Task<AdapterReceipt> SubmitAsync(AdapterSubmission submission, CancellationToken cancellationToken)
    {
        var outcome = await Client.SubmitAsync(submission, cancellationToken);
        return new AdapterReceipt { ExternalReference = Reference(outcome), LegacyStatus = outcome.LegacyStatus!, Note = outcome.Note };
    }

    public async Task<LegacyStatusReport> FetchStatusAsync(string externalReference, CancellationToken cancellationToken)
    {
        var reports = await FetchStatusesAsync([externalReference], cancellationToken);
        return reports.SingleOrDefault() ?? throw new LegacyContractException($"the adapter service did not report case {externalReference}");
    }

    public async Task<IReadOnlyList<LegacyStatusReport>> FetchStatusesAsync(IReadOnlyCollection<string> externalReferences, CancellationToken cancellationToken)
    {
        var answer = await Client.FetchStatusesAsync(externalReferences, cancellationToken);
        if (answer.Failure is { } failure)
        {
            throw AsException(failure);
        }

        return [.. answer.Reports.Select(r => new LegacyStatusReport { ExternalReference = Reference(r), LegacyStatus = r.LegacyStatus!, Note = r.Note })];
    }

    /// <summary>The case an outcome names; an outcome without one is what the adapter would have thrown.</summary>
    protected static string Reference(AdapterOutcome outcome) =>
        outcome is { ExternalReference: { } reference, LegacyStatus: not null } ? reference : throw AsException(outcome);

    protected static Exception AsException(AdapterOutcome outcome) => outcome.Kind switch
    {
        AdapterOutcomeKind.RetryLater => new LegacyUnavailableException(outcome.Problem ?? "unavailable"),
        AdapterOutcomeKind.Refused => new LegacyRefusedException(outcome.Note ?? outcome.Problem ?? "refused"),
        _ => new LegacyContractException(outcome.Problem ?? "the adapter service answered without a case"),
    };
}

/// <summary>The same, for an adapter service whose legacy system takes documents.</summary>
internal sealed class RemoteDocumentAdapter(AdapterServiceClient client, AdapterManifest manifest)
    : RemoteServiceAdapter(client, manifest), IDocumentAdapter
{
    public IReadOnlySet<string> AcceptedContentTypes { get; } = manifest.AcceptedContentTypes.ToHashSet(StringComparer.OrdinalIgnoreCase);

    public long MaxDocumentBytes { get; } = manifest.MaxDocumentBytes;

    public async Task AttachDocumentAsync(string externalReference, AdapterDocument document, Stream content, CancellationToken cancellationToken)
    {
        var outcome = await Client.AttachDocumentAsync(externalReference, document, content, cancellationToken);
        if (outcome.Kind != AdapterOutcomeKind.Done)
        {
            throw AsException(outcome);
        }
    }
}
