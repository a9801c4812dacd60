using Gateway.Contracts.Adapters.V1;

namespace Gateway.Adapters.Sdk.Contract;

/// <summary>
/// The usual adapter: one call per case. The periodic poll asks case by case, a few at a time, so a
/// legacy app that answers slowly is not flooded.
/// </summary>
public abstract class ServiceAdapter : IServiceAdapter
{
    /// <summary>How many status questions are in flight at once during a poll.</summary>
    protected virtual int PollParallelism => 4;

    public abstract StatusMap Statuses { get; }

    public abstract Task<AdapterReceipt> SubmitAsync(AdapterSubmission submission, CancellationToken cancellationToken);

    public abstract Task<LegacyStatusReport> FetchStatusAsync(string externalReference, CancellationToken cancellationToken);

    public virtual async Task<IReadOnlyList<LegacyStatusReport>> FetchStatusesAsync(IReadOnlyCollection<string> externalReferences, CancellationToken cancellationToken)
    {
        var reports = new System.Collections.Concurrent.ConcurrentBag<LegacyStatusReport>();
        await Parallel.ForEachAsync(externalReferences,
            new ParallelOptions { MaxDegreeOfParallelism = PollParallelism, CancellationToken = cancellationToken },
            async (reference, ct) => reports.Add(await FetchStatusAsync(reference, ct)));
        return [.. reports];
    }
}
