using Gateway.Contracts.Events.V1;

namespace Gateway.Requests.Model;

/// <summary>One step of a request's history, as the citizen sees it.</summary>
public sealed class TimelineEntry
{
    public long Id { get; set; }
    public Guid RequestId { get; set; }
    public DateTime At { get; set; }
    public ServiceRequestStatus Status { get; set; }

    /// <summary>For the citizen, e.g. "Dokumen KK belum terbaca, mohon unggah ulang".</summary>
    public string? Note { get; set; }

    /// <summary>Who moved it: <c>citizen</c>, <c>agency-system</c> (the adapter) or <c>officer:{id}</c>.</summary>
    public required string Actor { get; set; }
}
