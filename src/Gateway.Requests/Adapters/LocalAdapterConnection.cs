using Gateway.Adapters.Sdk.Calls;
using Gateway.Adapters.Sdk.Contract;
using Gateway.Adapters.Sdk.Protocol;
using Gateway.Contracts.Adapters.V1;

namespace Gateway.Requests.Adapters;

/// <summary>An adapter compiled into this gateway (<c>builder.AddAdapters(...)</c>), run through <see cref="AdapterRuns"/> as an adapter service runs it.</summary>
internal sealed class LocalAdapterConnection(IServiceAdapter adapter) : IAdapterConnection
{
    public Task<AdapterOutcome> SubmitAsync(AdapterSubmission submission, CancellationToken cancellationToken) =>
        AdapterRuns.SubmitAsync(adapter, submission, cancellationToken);

    public Task<StatusAnswer> FetchStatusesAsync(IReadOnlyCollection<string> references, CancellationToken cancellationToken) =>
        StatusAnswers.PollAsync(adapter, references, cancellationToken);

    public Task<DocumentRules?> DocumentRulesAsync(CancellationToken cancellationToken) =>
        Task.FromResult(adapter is IDocumentAdapter documents ? new DocumentRules(documents.AcceptedContentTypes, documents.MaxDocumentBytes) : null);

    public Task<AdapterOutcome> AttachDocumentAsync(string reference, AdapterDocument document, Stream content, CancellationToken cancellationToken) =>
        adapter is IDocumentAdapter documents
            ? AdapterRuns.AttachDocumentAsync(documents, reference, document, content, cancellationToken)
            : Task.FromResult(new AdapterOutcome(AdapterOutcomeKind.Broken, Problem: "the adapter takes no documents"));
}
