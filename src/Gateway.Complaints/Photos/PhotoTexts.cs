using Gateway.Platform.Localization;

namespace Gateway.Complaints.Photos;

internal static class PhotoTexts
{
    public static readonly BilingualText Required = new("Lampirkan foto pada kolom 'file'.", "Attach the photo in the 'file' field.");
    public static readonly BilingualText TypeNotAccepted = new("Foto harus berformat JPEG atau PNG.", "The photo must be a JPEG or PNG.");
    public static readonly BilingualText TooLarge = new("Foto terlalu besar; paling besar {0} MB.", "The photo is too large; at most {0} MB.");
    public static readonly BilingualText NotAnImage = new("Isi berkas bukan gambar {0} yang utuh.", "The file's content is not a whole {0} image.");
    public static readonly BilingualText AlreadyAttached = new("Pengaduan ini sudah memiliki foto; satu foto per pengaduan.", "This complaint has its photo already; one photo per complaint.");
    public static readonly BilingualText TooLate = new("Foto hanya dapat ditambahkan dalam {0} menit setelah pengaduan dikirim.", "A photo can be added only within {0} minutes of filing the complaint.");
    public static readonly BilingualText None = new("Pengaduan {0} tidak memiliki foto.", "Complaint {0} has no photo.");
}
