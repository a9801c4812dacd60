using Gateway.Contracts.Events.V1;
using static Gateway.Web.Frame.Text;

namespace Gateway.Complaints.Pages.Pengaduan;

/// <summary>How the complaint pages say where a complaint stands.</summary>
public static class ComplaintWords
{
    public static string Status(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Filed => T("Diterima, sedang diteruskan", "Received, being passed on"),
        ComplaintStatus.Routed => T("Diteruskan ke instansi", "Passed on to the agency"),
        ComplaintStatus.Unrouted => T("Menunggu penugasan oleh Diskominfo", "Waiting for Diskominfo to assign it"),
        ComplaintStatus.Answered => T("Dijawab", "Answered"),
        ComplaintStatus.Reopened => T("Dibuka kembali", "Reopened"),
        ComplaintStatus.Closed => T("Selesai", "Closed"),
        _ => status.ToString(),
    };
}
