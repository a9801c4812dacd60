using System.Text.Json.Serialization;

namespace Adapters.Disdukcapil;

// SIAK's wire format: Indonesian snake_case names, dates as dd-MM-yyyy strings (WIB).

public sealed record SiakPengajuan(
    [property: JsonPropertyName("no_referensi")] string NoReferensi,
    [property: JsonPropertyName("jenis_layanan")] string JenisLayanan,
    [property: JsonPropertyName("nik_pemohon")] string? NikPemohon,
    [property: JsonPropertyName("nama_pemohon")] string NamaPemohon,
    [property: JsonPropertyName("tgl_pengajuan")] string TglPengajuan,
    [property: JsonPropertyName("data")] IReadOnlyDictionary<string, string> Data);

public sealed record SiakPermohonan(
    [property: JsonPropertyName("no_permohonan")] string? NoPermohonan,
    [property: JsonPropertyName("no_referensi")] string? NoReferensi,
    [property: JsonPropertyName("status_permohonan")] string? StatusPermohonan,
    [property: JsonPropertyName("keterangan")] string? Keterangan,
    [property: JsonPropertyName("tgl_permohonan")] string? TglPermohonan);

public sealed record SiakHalaman(
    [property: JsonPropertyName("halaman")] int Halaman,
    [property: JsonPropertyName("total_halaman")] int TotalHalaman,
    [property: JsonPropertyName("data")] IReadOnlyList<SiakPermohonan>? Data);

public sealed record SiakPesan([property: JsonPropertyName("pesan")] string? Pesan);

public sealed record SiakBerkas(
    [property: JsonPropertyName("no_berkas")] string? NoBerkas,
    [property: JsonPropertyName("no_permohonan")] string? NoPermohonan,
    [property: JsonPropertyName("nama_file")] string? NamaFile);

public sealed record SiakVerifikasiPenduduk(
    [property: JsonPropertyName("nik")] string Nik,
    [property: JsonPropertyName("nama_lengkap")] string NamaLengkap,
    [property: JsonPropertyName("tgl_lahir")] string TglLahir);

public sealed record SiakKecocokan([property: JsonPropertyName("cocok")] bool Cocok);

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SiakPengajuan))]
[JsonSerializable(typeof(SiakPermohonan))]
[JsonSerializable(typeof(SiakHalaman))]
[JsonSerializable(typeof(SiakPesan))]
[JsonSerializable(typeof(SiakBerkas))]
[JsonSerializable(typeof(SiakVerifikasiPenduduk))]
[JsonSerializable(typeof(SiakKecocokan))]
internal sealed partial class SiakJson : JsonSerializerContext;
