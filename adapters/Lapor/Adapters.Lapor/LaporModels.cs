using System.Text.Json.Serialization;

namespace Adapters.Lapor;

// LAPOR!'s wire format: Indonesian snake_case, nested reporter, follow-ups as a list.

public sealed record LaporPelapor(
    [property: JsonPropertyName("nik")] string? Nik,
    [property: JsonPropertyName("nama")] string Nama,
    [property: JsonPropertyName("kontak")] string? Kontak);

public sealed record LaporanBaru(
    [property: JsonPropertyName("judul")] string Judul,
    [property: JsonPropertyName("isi")] string Isi,
    [property: JsonPropertyName("kategori")] string Kategori,
    [property: JsonPropertyName("lokasi")] string? Lokasi,
    [property: JsonPropertyName("ref_eksternal")] string RefEksternal,
    [property: JsonPropertyName("pelapor")] LaporPelapor Pelapor);

public sealed record LaporInstansi(
    [property: JsonPropertyName("kode")] string? Kode,
    [property: JsonPropertyName("nama")] string? Nama);

public sealed record LaporTindakLanjut(
    [property: JsonPropertyName("tanggal")] DateTimeOffset Tanggal,
    [property: JsonPropertyName("isi")] string? Isi);

public sealed record Laporan(
    [property: JsonPropertyName("tracking_id")] string? TrackingId,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("kategori")] string? Kategori,
    [property: JsonPropertyName("instansi_tujuan")] LaporInstansi? InstansiTujuan,
    [property: JsonPropertyName("tindak_lanjut")] IReadOnlyList<LaporTindakLanjut>? TindakLanjut);

public sealed record LaporPesan(
    [property: JsonPropertyName("pesan")] string? Pesan,
    [property: JsonPropertyName("tracking_id")] string? TrackingId);

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(LaporanBaru))]
[JsonSerializable(typeof(Laporan))]
[JsonSerializable(typeof(LaporPesan))]
internal sealed partial class LaporJson : JsonSerializerContext;
