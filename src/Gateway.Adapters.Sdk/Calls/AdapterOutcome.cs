using Gateway.Adapters.Sdk.Contract;
using Gateway.Contracts.Adapters.V1;
using Gateway.Contracts.Events.V1;

namespace Gateway.Adapters.Sdk.Calls;

public enum AdapterOutcomeKind
{
    /// <summary>The legacy system answered and the answer was understood.</summary>
    Done,

    /// <summary>The legacy system is unavailable: keep the request pending and try again later.</summary>
    RetryLater,

    /// <summary>The legacy system refused the request and said why: the citizen is told.</summary>
    Refused,

    /// <summary>The answer could not be understood (or the adapter failed): operators must look; the gateway keeps trying, slowly.</summary>
    Broken,
}

/// <summary>What one adapter call came to, in the terms the gateway acts on.</summary>
public sealed record AdapterOutcome(AdapterOutcomeKind Kind, string? ExternalReference = null, string? LegacyStatus = null,
    ServiceRequestStatus? Status = null, string? Note = null, string? Problem = null);

/// <summary>
/// Runs adapter calls and sorts every result into an <see cref="AdapterOutcome"/>. The gateway's
/// dispatcher and poller use it, and so does the adapter test kit, so what the kit checks is exactly
/// what the gateway will do.
/// </summary>
public static class AdapterRuns
{
    public static async Task<AdapterOutcome> SubmitAsync(IServiceAdapter adapter, AdapterSubmission submission, CancellationToken cancellationToken)
    {
        try
        {
            var receipt = await adapter.SubmitAsync(submission, cancellationToken);
            return Understood(adapter.Statuses, receipt.ExternalReference, receipt.LegacyStatus, receipt.Note);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(ex, "submit");
        }
    }

    public static async Task<AdapterOutcome> FetchStatusAsync(IServiceAdapter adapter, string externalReference, CancellationToken cancellationToken)
    {
        try
        {
            var report = await adapter.FetchStatusAsync(externalReference, cancellationToken);
            return Understood(adapter.Statuses, report.ExternalReference, report.LegacyStatus, report.Note);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(ex, "fetch status");
        }
    }

    /// <summary>Hands a document to the legacy system; <see cref="AdapterOutcomeKind.Done"/> when it took it.</summary>
    public static async Task<AdapterOutcome> AttachDocumentAsync(
        IDocumentAdapter adapter, string externalReference, AdapterDocument document, Stream content, CancellationToken cancellationToken)
    {
        try
        {
            await adapter.AttachDocumentAsync(externalReference, document, content, cancellationToken);
            return new AdapterOutcome(AdapterOutcomeKind.Done, externalReference);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(ex, "attach document");
        }
    }

    /// <summary>A legacy answer mapped to our status; an unmapped status is <see cref="AdapterOutcomeKind.Broken"/> but keeps the reference.</summary>
    public static AdapterOutcome Understood(StatusMap statuses, string externalReference, string legacyStatus, string? note)
    {
        if (string.IsNullOrWhiteSpace(externalReference))
        {
            return new AdapterOutcome(AdapterOutcomeKind.Broken, Problem: "the legacy app answered without a case reference");
        }

        return statuses.Knows(legacyStatus ?? "")
            ? new AdapterOutcome(AdapterOutcomeKind.Done, externalReference, legacyStatus, statuses.Map(legacyStatus!), note)
            : new AdapterOutcome(AdapterOutcomeKind.Broken, externalReference, legacyStatus,
                Problem: $"legacy status '{legacyStatus}' is not mapped; add it to the adapter's StatusMap");
    }

    public static AdapterOutcome Failed(Exception ex, string what) => (LegacyCalls.Classify(ex, what) ?? ex) switch
    {
        LegacyUnavailableException e => new AdapterOutcome(AdapterOutcomeKind.RetryLater, Problem: e.Message),
        LegacyRefusedException e => new AdapterOutcome(AdapterOutcomeKind.Refused, Note: e.Reason, Problem: e.Reason),
        LegacyContractException e => new AdapterOutcome(AdapterOutcomeKind.Broken, Problem: e.Message),
        var e => new AdapterOutcome(AdapterOutcomeKind.Broken, Problem: $"adapter failed during {what}: {e.GetType().Name}: {e.Message}"),
    };
}
