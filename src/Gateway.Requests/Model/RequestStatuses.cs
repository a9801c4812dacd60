using Gateway.Contracts.Events.V1;
using Gateway.Platform.Localization;

namespace Gateway.Requests.Model;

/// <summary>What each status is called for citizens, and which ones end a request.</summary>
public static class RequestStatuses
{
    /// <summary>The statuses that end a request; also usable in database queries (<c>!Final.Contains(r.Status)</c>).</summary>
    public static readonly ServiceRequestStatus[] Final = [ServiceRequestStatus.Completed, ServiceRequestStatus.Rejected, ServiceRequestStatus.Cancelled];

    public static bool IsFinal(ServiceRequestStatus status) => Final.Contains(status);

    /// <summary>The citizen may cancel until the agency has accepted the request.</summary>
    public static bool CanCancel(ServiceRequestStatus status) => status == ServiceRequestStatus.Submitted;

    public static BilingualText Label(ServiceRequestStatus status) => status switch
    {
        ServiceRequestStatus.Submitted => new("Diajukan", "Submitted"),
        ServiceRequestStatus.Verified => new("Diterima instansi", "Accepted by the agency"),
        ServiceRequestStatus.InProcess => new("Sedang diproses", "In process"),
        ServiceRequestStatus.NeedsInformation => new("Perlu kelengkapan dokumen", "More documents needed"),
        ServiceRequestStatus.Completed => new("Selesai", "Done"),
        ServiceRequestStatus.Rejected => new("Ditolak", "Rejected"),
        ServiceRequestStatus.Cancelled => new("Dibatalkan", "Cancelled"),
        _ => new(status.ToString(), status.ToString()),
    };
}
