using Gateway.Contracts.Events.V1;
using Gateway.Platform.Audit;
using Gateway.Requests.Model;
using Gateway.Requests.Persistence;

namespace Gateway.Requests.Api;

/// <summary>
/// The audit records of what officers and administrators do with citizens' requests, and of each request
/// the gateway hands to an agency's system. A list shows each
/// applicant's NIK, name and form answers: it is recorded once per citizen shown (their own page can then
/// say who read their data), naming the requests, not repeating what they hold.
/// </summary>
internal static class RequestAudit
{
    /// <summary>What an officer's list shows of each request.</summary>
    private static readonly string[] ShownFields = ["nik", "name", "formFields", "status"];

    public static async Task RecordReadAsync(AuditTrail trail, RequestsDbContext db, IReadOnlyList<ServiceRequest> shown, CancellationToken cancellationToken)
    {
        foreach (var citizen in shown.GroupBy(r => r.CitizenId))
        {
            var trackingNumbers = citizen.Select(r => r.TrackingNumber).ToList();
            trail.Record(db, new AuditEntry(
                "requests.request.read",
                "request",
                trackingNumbers.Count == 1 ? trackingNumbers[0] : $"{trackingNumbers.Count} requests",
                AuditSummary.Facts(new { trackingNumbers, shown = ShownFields }))
            {
                DataSubject = citizen.Key.ToString(),
            });
        }

        if (shown.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>What the agency's system receives of a request through its adapter.</summary>
    private static readonly string[] SentFields = ["nik", "name", "email", "phone", "formFields"];

    /// <summary>The request reached the agency's own system (its adapter filed, answered or refused it): the citizen's data left the gateway.</summary>
    public static void Sent(AuditTrail trail, RequestsDbContext db, ServiceRequest request) =>
        trail.Record(db, new AuditEntry(
            "requests.request.sent",
            "request",
            request.TrackingNumber,
            AuditSummary.Facts(new { adapter = request.AdapterName, caseNumber = request.ExternalReference, sent = SentFields }))
        {
            DataSubject = request.CitizenId.ToString(),
            Recipient = request.AgencyCode,
        });

    public static void StatusChanged(AuditTrail trail, RequestsDbContext db, ServiceRequest request, ServiceRequestStatus from, string? note) =>
        trail.Record(db, new AuditEntry(
            "requests.request.status-changed",
            "request",
            request.TrackingNumber,
            AuditSummary.Facts(new { from, to = request.Status, note }))
        {
            DataSubject = request.CitizenId.ToString(),
        });
}
