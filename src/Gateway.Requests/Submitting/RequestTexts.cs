using Gateway.Platform.Localization;

namespace Gateway.Requests.Submitting;

/// <summary>What citizens and officers are told, in both languages.</summary>
internal static class RequestTexts
{
    public static readonly BilingualText ServiceRequired = new("Pilih layanan yang diajukan.", "Choose the service to apply for.");
    public static readonly BilingualText UnknownService = new("Layanan '{0}' tidak ada di katalog.", "Service '{0}' is not in the catalogue.");
    public static readonly BilingualText NoRequests = new("Layanan '{0}' belum menerima permohonan melalui SatuPintu.", "Service '{0}' does not take requests through SatuPintu yet.");
    public static readonly BilingualText FieldsRequired = new("Isi formulir layanan.", "Fill in the service's form.");
    public static readonly BilingualText KeyTooLong = new("Idempotency-Key paling panjang 100 karakter ASCII.", "Idempotency-Key must be at most 100 ASCII characters.");
    public static readonly BilingualText KeyReused = new("Idempotency-Key ini sudah dipakai untuk permohonan lain ({0}).", "This Idempotency-Key was already used for a different request ({0}).");
    public static readonly BilingualText UnknownRequest = new("Permohonan {0} tidak ditemukan.", "Request {0} was not found.");
    public static readonly BilingualText CannotCancel = new("Permohonan {0} sudah diterima instansi ({1}) dan tidak dapat dibatalkan.", "Request {0} was already accepted by the agency ({1}) and can no longer be cancelled.");
    public static readonly BilingualText NikScopeNeeded = new(
        "Layanan ini dicatat dengan NIK Anda, tetapi aplikasi ini tidak diizinkan memakai NIK Anda (scope nik). Ajukan melalui portal SatuPintu.",
        "This service is filed under your NIK, but this app was not allowed to use your NIK (scope nik). Apply through the SatuPintu portal.");

    public static readonly BilingualText NotSignedInAsCitizen = new("Masuk sebagai warga untuk mengajukan permohonan.", "Sign in as a citizen to apply.");
    public static readonly BilingualText StatusRequired = new("Pilih status baru.", "Choose the new status.");
    public static readonly BilingualText StatusNotAllowed = new("Status {0} tidak dapat diberikan petugas.", "Officers cannot set status {0}.");
    public static readonly BilingualText AlreadyFinal = new("Permohonan {0} sudah berakhir ({1}).", "Request {0} has already ended ({1}).");
    public static readonly BilingualText NoteTooLong = new("Catatan paling panjang 1000 karakter.", "The note must be at most 1000 characters.");
    public static readonly BilingualText ChangedMeanwhile = new("Permohonan berubah bersamaan; coba lagi.", "The request changed at the same time; try again.");
}
