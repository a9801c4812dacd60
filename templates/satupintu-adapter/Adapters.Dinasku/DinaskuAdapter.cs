using Gateway.Adapters.Sdk.Calls;
using Gateway.Adapters.Sdk.Contract;
using Gateway.Contracts.Adapters.V1;
using Gateway.Contracts.Events.V1;

namespace Adapters.Dinasku;

/// <summary>
/// Dinasku's system. Our tracking number goes to it as the case reference, so a repeated submit finds
/// the first case. Say here what is particular about the app (its quirks), for the next developer.
/// </summary>
public sealed class DinaskuAdapter(IDinaskuApi dinasku) : ServiceAdapter
{
    /// <summary>Every status the app reports. An unmapped one is shown to operators, never guessed.</summary>
    public override StatusMap Statuses { get; } = StatusMap.Of(
        ("NEW", ServiceRequestStatus.Submitted),
        ("ACCEPTED", ServiceRequestStatus.Verified),
        ("IN_PROGRESS", ServiceRequestStatus.InProcess),
        ("INCOMPLETE", ServiceRequestStatus.NeedsInformation),
        ("DONE", ServiceRequestStatus.Completed),
        ("REJECTED", ServiceRequestStatus.Rejected));

    public override async Task<AdapterReceipt> SubmitAsync(AdapterSubmission submission, CancellationToken cancellationToken)
    {
        var newCase = new DinaskuNewCase(submission.TrackingNumber, submission.ServiceSlug, submission.Applicant.Nik, submission.Applicant.Name, submission.Fields);
        var filed = await LegacyCalls.RunAsync(() => dinasku.FileAsync(newCase, cancellationToken), "Dinasku submit", cancellationToken);
        return filed is { Number: { Length: > 0 } number, Status: { Length: > 0 } status }
            ? new AdapterReceipt { ExternalReference = number, LegacyStatus = status, Note = filed.Note }
            : throw new LegacyContractException("Dinasku answered without a case number or status");
    }

    public override async Task<LegacyStatusReport> FetchStatusAsync(string externalReference, CancellationToken cancellationToken)
    {
        var found = await LegacyCalls.RunAsync(() => dinasku.CaseAsync(externalReference, cancellationToken), "Dinasku status", cancellationToken);
        return found is { Number: { Length: > 0 } number, Status: { Length: > 0 } status }
            ? new LegacyStatusReport { ExternalReference = number, LegacyStatus = status, Note = found.Note }
            : throw new LegacyContractException("Dinasku answered without a case number or status");
    }
}
