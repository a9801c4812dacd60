using Gateway.Contracts.Adapters.V1;

namespace Gateway.Adapters.Sdk.Contract;

/// <summary>
/// For legacy systems with no status API, only an export (a CSV or spreadsheet over HTTP, a nightly
/// file): a poll reads the export once for all open cases, and a single status question reads it too.
/// </summary>
public abstract class ExportPollingAdapter : IServiceAdapter
{
    public abstract StatusMap Statuses { get; }

    public abstract Task<AdapterReceipt> SubmitAsync(AdapterSubmission submission, CancellationToken cancellationToken);

    /// <summary>Every case in the export, keyed by the legacy reference.</summary>
    protected abstract Task<IReadOnlyList<LegacyStatusReport>> ReadExportAsync(CancellationToken cancellationToken);

    public async Task<LegacyStatusReport> FetchStatusAsync(string externalReference, CancellationToken cancellationToken)
    {
        var all = await ReadExportAsync(cancellationToken);
        return all.FirstOrDefault(r => r.ExternalReference == externalReference)
            ?? throw new Calls.LegacyContractException($"the export has no case '{externalReference}'");
    }

    public async Task<IReadOnlyList<LegacyStatusReport>> FetchStatusesAsync(IReadOnlyCollection<string> externalReferences, CancellationToken cancellationToken)
    {
        var wanted = externalReferences.ToHashSet(StringComparer.Ordinal);
        var all = await ReadExportAsync(cancellationToken);
        return [.. all.Where(r => wanted.Contains(r.ExternalReference))];
    }
}
