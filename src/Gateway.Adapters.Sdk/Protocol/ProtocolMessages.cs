using Gateway.Adapters.Sdk.Calls;

namespace Gateway.Adapters.Sdk.Protocol;

/// <summary>What an adapter service says about itself, read by the gateway before it files documents.</summary>
/// <param name="Adapter">The adapter's name, e.g. <c>Dpmptsp</c>.</param>
/// <param name="AcceptedContentTypes">Empty when the legacy system takes no documents.</param>
/// <param name="Statuses">The adapter's status map: every legacy status and what it means.</param>
public sealed record AdapterManifest(
    string Adapter,
    int ContractVersion,
    IReadOnlyList<string> AcceptedContentTypes,
    long MaxDocumentBytes,
    IReadOnlyDictionary<string, Contracts.Events.V1.ServiceRequestStatus> Statuses);

/// <summary>The cases whose status the gateway's poll asks for.</summary>
public sealed record StatusQuery(IReadOnlyList<string> References);

/// <summary>
/// The poll's answer: one outcome per case the legacy system knows, or <paramref name="Failure"/> when
/// the legacy system could not be asked at all (down, broken answer).
/// </summary>
public sealed record StatusAnswer(IReadOnlyList<AdapterOutcome> Reports, AdapterOutcome? Failure);

/// <summary>"Is this NIK this person's?", as the gateway asks an adapter service that fronts the civil registry.</summary>
public sealed record RegistryCheck(string Nik, string FullName, DateOnly DateOfBirth);

/// <summary>The registry's answer: match or no match, never whose a NIK is.</summary>
public sealed record RegistryVerdict(Contract.RegistryAnswer Answer);

/// <summary>Runs a poll against an adapter and sorts the answers, the same way wherever the adapter runs.</summary>
public static class StatusAnswers
{
    public static async Task<StatusAnswer> PollAsync(Contract.IServiceAdapter adapter, IReadOnlyCollection<string> references, CancellationToken cancellationToken)
    {
        try
        {
            var reports = await adapter.FetchStatusesAsync(references, cancellationToken);
            return new StatusAnswer([.. reports.Select(r => AdapterRuns.Understood(adapter.Statuses, r.ExternalReference, r.LegacyStatus, r.Note))], null);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new StatusAnswer([], AdapterRuns.Failed(ex, "poll"));
        }
    }
}
