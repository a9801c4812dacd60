using System.Collections.Frozen;
using Gateway.Platform.Localization;

namespace Gateway.Messaging.Subscriptions;

/// <summary>What each event means, for the event catalogue (<c>GET /api/events</c>).</summary>
internal static class EventDescriptions
{
    public static readonly FrozenDictionary<string, BilingualText> ByName = new Dictionary<string, BilingualText>
    {
        ["CatalogueChanged"] = new("Dinas, layanan, atau cara layanan diekspos berubah di katalog.", "An agency, a service or how a service is exposed changed in the catalogue."),
        ["ServiceHealthChanged"] = new("Status layanan berubah (aktif, terganggu, mati).", "A service's status changed (up, degraded, down)."),
        ["CitizenRegistered"] = new("Warga membuat akun SatuPintu.", "A citizen created a SatuPintu account."),
        ["CitizenProfileChanged"] = new("Data warga berubah, misalnya pindah alamat.", "A citizen's profile changed, e.g. a change of address."),
        ["ServiceRequestSubmitted"] = new("Warga mengajukan permohonan layanan.", "A citizen submitted a service request."),
        ["ServiceRequestStatusChanged"] = new("Status permohonan layanan berubah.", "A service request's status changed."),
        ["ServiceRequestOverdue"] = new("Permohonan melewati batas waktu standar pelayanan.", "A request passed its service standard's completion time."),
        ["ComplaintFiled"] = new("Pengaduan masuk (SP4N-LAPOR!, gateway, telepon, media sosial).", "A complaint arrived (SP4N-LAPOR!, the gateway, phone, social media)."),
        ["SubscriptionChanged"] = new("Langganan event sebuah dinas dibuat atau dihapus.", "An agency's event subscription was created or deleted."),
        ["ComplaintRouted"] = new("Pengaduan diteruskan ke dinas yang bertanggung jawab, dengan batas waktu tanggapan.", "A complaint was routed to the responsible agency, with a response deadline."),
        ["ComplaintStatusChanged"] = new("Pengaduan dijawab, ditutup, atau dibuka kembali oleh pelapor.", "A complaint was answered, closed, or reopened by the complainant."),
        ["ComplaintOverdue"] = new("Pengaduan melewati batas waktu tanggapan tanpa jawaban.", "A complaint passed its response deadline without an answer."),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
