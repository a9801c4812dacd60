using Gateway.Platform.Localization;

namespace Gateway.Complaints.Api;

/// <summary>What the complaint endpoints tell people, in Indonesian and English.</summary>
internal static class ComplaintTexts
{
    public static readonly BilingualText UnknownComplaint = new("Pengaduan {0} tidak ditemukan.", "Complaint {0} was not found.");

    public static readonly BilingualText ReopenReasonRequired = new(
        "Tuliskan mengapa jawaban belum memuaskan (5–1000 karakter).", "Say why the answer does not satisfy you (5–1000 characters).");

    public static readonly BilingualText ReopenedOnce = new(
        "Pengaduan ini sudah pernah dibuka kembali; pengaduan hanya dapat dibuka kembali satu kali. Ajukan pengaduan baru bila perlu.",
        "This complaint was reopened before; a complaint can be reopened once only. File a new complaint if needed.");

    public static readonly BilingualText CannotReopen = new(
        "Pengaduan hanya dapat dibuka kembali setelah dijawab, paling lambat {0} hari sesudahnya.",
        "A complaint can be reopened only after it was answered, within {0} days of the answer.");

    public static readonly BilingualText AnswerRequired = new(
        "Tuliskan jawaban untuk pelapor (10–4000 karakter).", "Write the answer for the complainant (10–4000 characters).");

    public static readonly BilingualText CannotAnswer = new(
        "Pengaduan berstatus '{0}' tidak dapat dijawab; hanya pengaduan yang sedang ditangani instansi Anda.",
        "A complaint that is '{0}' cannot be answered; only those with your agency awaiting an answer.");

    public static readonly BilingualText CannotClose = new(
        "Pengaduan hanya dapat ditutup setelah dijawab (statusnya kini '{0}').",
        "A complaint can be closed only after it was answered (it is '{0}' now).");

    public static readonly BilingualText ChangedMeanwhile = new(
        "Pengaduan ini baru saja diubah oleh orang lain; muat ulang lalu coba lagi.",
        "This complaint was just changed by someone else; reload it and try again.");
}
