using Gateway.Platform.Localization;

namespace Gateway.Requests.Documents;

internal static class DocumentTexts
{
    public static readonly BilingualText NotAccepted = new("Sistem instansi untuk layanan ini belum menerima unggahan dokumen melalui SatuPintu; serahkan di loket.", "This service's agency system does not take document uploads through SatuPintu yet; hand them in at the counter.");
    public static readonly BilingualText TryAgain = new("Sistem instansi sedang tidak dapat dihubungi; coba unggah lagi beberapa menit lagi.", "The agency's system cannot be reached right now; try the upload again in a few minutes.");
    public static readonly BilingualText TooMany = new("Paling banyak {0} dokumen per permohonan.", "At most {0} documents per request.");
    public static readonly BilingualText FileRequired = new("Lampirkan berkas pada kolom 'file'.", "Attach the file in the 'file' field.");
    public static readonly BilingualText TypeNotAccepted = new("Jenis berkas tidak diterima. Pilihan: {0}.", "File type not accepted. Choose one of: {0}.");
    public static readonly BilingualText ContentMismatch = new("Isi berkas bukan {0} seperti yang disebutkan.", "The file's content is not {0} as declared.");
    public static readonly BilingualText TooLarge = new("Berkas terlalu besar; paling besar {0} KB.", "The file is too large; at most {0} KB.");
}
