using Gateway.Complaints.Model;
using Gateway.Complaints.Persistence;
using Gateway.Contracts.Events.V1;
using Gateway.Platform.Localization;
using Gateway.Platform.Notices;

namespace Gateway.Complaints.Progress;

/// <summary>The notices a signed-in complainant gets: where their complaint went, the agency's answer, its closing.</summary>
internal static class ComplaintNotices
{
    private static readonly Dictionary<ComplaintStatus, BilingualText> Headlines = new()
    {
        [ComplaintStatus.Routed] = new("Pengaduan Anda diteruskan ke {0}", "Your complaint was passed to {0}"),
        [ComplaintStatus.Unrouted] = new("Pengaduan Anda sedang ditelaah Diskominfo", "Your complaint is being reviewed by Diskominfo"),
        [ComplaintStatus.Answered] = new("Pengaduan Anda dijawab oleh {0}", "Your complaint was answered by {0}"),
        [ComplaintStatus.Closed] = new("Pengaduan Anda ditutup oleh {0}", "Your complaint was closed by {0}"),
    };

    public static void Add(ComplaintsDbContext db, Guid citizen, Complaint complaint, string? text, DateTimeOffset now)
    {
        if (Headlines.TryGetValue(complaint.Status, out var headline))
        {
            db.AddNotice(citizen, NoticeTopics.Complaint, complaint.Id.ToString(), complaint.Status,
                headline.With(complaint.AgencyCode?.ToUpperInvariant()), text, now);
        }
    }
}
