using System.Text.Json.Serialization;
using Gateway.Adapters.SampleHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Adapters.Lapor.LegacyApp;

public sealed record LaporPelapor(
    [property: JsonPropertyName("nik")] string? Nik,
    [property: JsonPropertyName("nama")] string? Nama,
    [property: JsonPropertyName("kontak")] string? Kontak);

public sealed record LaporanBaru(
    [property: JsonPropertyName("judul")] string? Judul,
    [property: JsonPropertyName("isi")] string? Isi,
    [property: JsonPropertyName("kategori")] string? Kategori,
    [property: JsonPropertyName("lokasi")] string? Lokasi,
    [property: JsonPropertyName("ref_eksternal")] string? RefEksternal,
    [property: JsonPropertyName("pelapor")] LaporPelapor? Pelapor);

public sealed record LaporInstansi(
    [property: JsonPropertyName("kode")] string Kode,
    [property: JsonPropertyName("nama")] string Nama);

public sealed record LaporTindakLanjut(
    [property: JsonPropertyName("tanggal")] DateTimeOffset Tanggal,
    [property: JsonPropertyName("isi")] string Isi);

public sealed record Laporan(
    [property: JsonPropertyName("tracking_id")] string TrackingId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("kategori")] string Kategori,
    [property: JsonPropertyName("instansi_tujuan")] LaporInstansi? InstansiTujuan,
    [property: JsonPropertyName("tindak_lanjut")] IReadOnlyList<LaporTindakLanjut> TindakLanjut);

public sealed record LaporPesan(
    [property: JsonPropertyName("pesan")] string Pesan,
    [property: JsonPropertyName("tracking_id")] string? TrackingId = null);

/// <summary>
/// The sample LAPOR! at <c>/api/v2/laporan</c>. Quirks: the token header is <c>X-Lapor-Token</c>; a report
/// with a known <c>ref_eksternal</c> is answered 409 with the existing <c>tracking_id</c>; once verified,
/// the category decides the agency it is forwarded to; statuses are written with spaces and capitals.
/// </summary>
public static class LaporApp
{
    public const string TokenHeader = "X-Lapor-Token";

    /// <summary>Every status LAPOR! gives a report.</summary>
    public static readonly IReadOnlyList<string> Statuses =
        ["Menunggu Verifikasi", "Terverifikasi", "Diteruskan ke Instansi", "Ditindaklanjuti", "Perlu Klarifikasi", "Selesai", "Ditolak", "Diarsipkan"];

    /// <summary>Category prefix to responsible agency, as the city's LAPOR! administrator configured it.</summary>
    public static readonly IReadOnlyList<(string Prefix, LaporInstansi Agency)> Routing =
    [
        ("jalan", new("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang")),
        ("lalu-lintas", new("dishub", "Dinas Perhubungan")),
        ("sampah", new("dlh", "Dinas Lingkungan Hidup")),
        ("adminduk", new("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil")),
        ("banjir", new("bpbd", "Badan Penanggulangan Bencana Daerah")),
    ];

    public static readonly LaporInstansi Fallback = new("diskominfo", "Dinas Komunikasi dan Informatika");

    public static LaporInstansi AgencyFor(string category) =>
        Routing.FirstOrDefault(r => category.StartsWith(r.Prefix, StringComparison.OrdinalIgnoreCase)).Agency ?? Fallback;

    public static Task<SampleLegacyApp> StartAsync(string token, int port = 0, CancellationToken cancellationToken = default) =>
        SampleLegacyApp.StartAsync("SP4N-LAPOR! Kota", (app, sample) => Map(app, sample, token), port: port, cancellationToken: cancellationToken);

    private static void Map(WebApplication app, SampleLegacyApp sample, string token)
    {
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/_sample") && context.Request.Headers[TokenHeader] != token)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsJsonAsync(new LaporPesan("token tidak valid"));
                return;
            }

            await next(context);
        });

        var api = app.MapGroup("/api/v2/laporan");
        api.MapPost("/", (LaporanBaru body) =>
        {
            if (string.IsNullOrWhiteSpace(body.Judul) || string.IsNullOrWhiteSpace(body.Isi) || string.IsNullOrWhiteSpace(body.Kategori))
            {
                return Results.Json(new LaporPesan("judul, isi dan kategori wajib diisi"), statusCode: StatusCodes.Status422UnprocessableEntity);
            }

            if (body.Isi.Length < 20)
            {
                return Results.Json(new LaporPesan("Isi laporan terlalu singkat (minimal 20 karakter)"), statusCode: StatusCodes.Status422UnprocessableEntity);
            }

            var reference = string.IsNullOrEmpty(body.RefEksternal) ? Guid.NewGuid().ToString() : body.RefEksternal;
            var (legacyCase, created) = sample.Cases.File(reference, serial => new LegacyCase
            {
                Number = $"LAPOR-{serial:D7}",
                ClientReference = reference,
                Service = body.Kategori,
                FiledAt = DateTimeOffset.UtcNow,
                Data = new Dictionary<string, string> { ["judul"] = body.Judul, ["isi"] = body.Isi, ["lokasi"] = body.Lokasi ?? "" },
                Status = "Menunggu Verifikasi",
            });
            return created
                ? Results.Json(ToWire(legacyCase), statusCode: StatusCodes.Status201Created)
                : Results.Json(new LaporPesan("laporan duplikat", legacyCase.Number), statusCode: StatusCodes.Status409Conflict);
        });
        api.MapGet("/{trackingId}", (string trackingId) => sample.Cases.Find(trackingId) is { } c
            ? Results.Json(ToWire(c))
            : Results.Json(new LaporPesan("laporan tidak ditemukan"), statusCode: StatusCodes.Status404NotFound));
    }

    private static Laporan ToWire(LegacyCase c) => new(
        c.Number,
        c.Status,
        c.Service,
        c.Status is "Menunggu Verifikasi" or "Terverifikasi" ? null : AgencyFor(c.Service),
        c.Note is null ? [] : [new LaporTindakLanjut(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)), c.Note)]);
}
