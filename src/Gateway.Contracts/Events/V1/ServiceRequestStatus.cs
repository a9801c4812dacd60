namespace Gateway.Contracts.Events.V1;

public enum ServiceRequestStatus
{
    Submitted,
    Verified,
    InProcess,
    NeedsInformation,
    Completed,
    Rejected,
    Cancelled,
}
