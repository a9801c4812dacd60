using System.Globalization;
using System.Text.Json.Serialization;
using Gateway.Adapters.SampleHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Adapters.Disdukcapil.LegacyApp;

/// <summary>What SIAK takes for a new application (its own field names).</summary>
public sealed record SiakPengajuan(
    [property: JsonPropertyName("no_referensi")] string? NoReferensi,
    [property: JsonPropertyName("jenis_layanan")] string? JenisLayanan,
    [property: JsonPropertyName("nik_pemohon")] string? NikPemohon,
    [property: JsonPropertyName("nama_pemohon")] string? NamaPemohon,
    [property: JsonPropertyName("tgl_pengajuan")] string? TglPengajuan,
    [property: JsonPropertyName("data")] Dictionary<string, string>? Data);

/// <summary>An application as SIAK reports it.</summary>
public sealed record SiakPermohonan(
    [property: JsonPropertyName("no_permohonan")] string NoPermohonan,
    [property: JsonPropertyName("no_referensi")] string NoReferensi,
    [property: JsonPropertyName("status_permohonan")] string StatusPermohonan,
    [property: JsonPropertyName("keterangan")] string? Keterangan,
    [property: JsonPropertyName("tgl_permohonan")] string TglPermohonan);

public sealed record SiakHalaman(
    [property: JsonPropertyName("halaman")] int Halaman,
    [property: JsonPropertyName("total_halaman")] int TotalHalaman,
    [property: JsonPropertyName("data")] IReadOnlyList<SiakPermohonan> Data);

public sealed record SiakPesan([property: JsonPropertyName("pesan")] string Pesan);

public sealed record SiakBerkas(
    [property: JsonPropertyName("no_berkas")] string NoBerkas,
    [property: JsonPropertyName("no_permohonan")] string NoPermohonan,
    [property: JsonPropertyName("nama_file")] string NamaFile);

/// <summary>
/// The sample SIAK. Quirks a real one has: the key header is <c>X-SIAK-Key</c>; dates are
/// <c>dd-MM-yyyy</c> in WIB; lists come in pages of at most 50; more than <see cref="RequestsPerSecond"/>
/// calls in a second get 429 with Retry-After; an application without a valid NIK is refused with 422.
/// </summary>
public static class SiakApp
{
    public const string KeyHeader = "X-SIAK-Key";

    /// <summary>Every status SIAK gives an application.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["BARU", "VERIFIKASI", "PROSES", "BERKAS_KURANG", "SELESAI", "DITOLAK"];

    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public static int RequestsPerSecond { get; set; } = 500;

    /// <summary>SIAK's own limit for an attachment.</summary>
    public const long MaxAttachmentBytes = 2 * 1024 * 1024;

    public static Task<SampleLegacyApp> StartAsync(string apiKey, int port = 0, CancellationToken cancellationToken = default) =>
        SampleLegacyApp.StartAsync("SIAK Disdukcapil", (app, sample) => Map(app, sample, apiKey), port: port, cancellationToken: cancellationToken);

    private static void Map(WebApplication app, SampleLegacyApp sample, string apiKey)
    {
        var window = new RateWindow();
        var residents = new SiakResidents();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/_sample"))
            {
                await next(context);
                return;
            }

            if (context.Request.Headers[KeyHeader] != apiKey)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsJsonAsync(new SiakPesan("Kunci API tidak valid"));
                return;
            }

            if (!window.Allow(RequestsPerSecond))
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "1";
                await context.Response.WriteAsJsonAsync(new SiakPesan("Terlalu banyak permintaan, coba lagi sebentar"));
                return;
            }

            await next(context);
        });

        // The resident check: match or not, nothing more about the person.
        app.MapPost("/api/v1/penduduk/verifikasi", (SiakVerifikasiPenduduk body) =>
            body.Nik is null || body.NamaLengkap is null || body.TglLahir is null
                ? Results.Json(new SiakPesan("nik, nama_lengkap dan tgl_lahir wajib diisi"), statusCode: StatusCodes.Status400BadRequest)
                : Results.Json(new { cocok = residents.Matches(body.Nik, body.NamaLengkap, body.TglLahir) }));
        app.MapPost("/_sample/penduduk", (SiakPenduduk body) =>
        {
            residents.Add(body.Nik, body.NamaLengkap, DateOnly.ParseExact(body.TglLahir, "dd-MM-yyyy", CultureInfo.InvariantCulture));
            return Results.NoContent();
        });

        var api = app.MapGroup("/api/v1/permohonan");
        api.MapPost("/", (SiakPengajuan body) =>
        {
            if (body.NikPemohon is not { Length: 16 } nik || !nik.All(char.IsAsciiDigit))
            {
                return Results.Json(new SiakPesan("NIK pemohon tidak valid atau tidak terdaftar"), statusCode: StatusCodes.Status422UnprocessableEntity);
            }

            if (string.IsNullOrEmpty(body.NoReferensi) || string.IsNullOrEmpty(body.JenisLayanan))
            {
                return Results.Json(new SiakPesan("no_referensi dan jenis_layanan wajib diisi"), statusCode: StatusCodes.Status400BadRequest);
            }

            var (legacyCase, created) = sample.Cases.File(body.NoReferensi, serial => new LegacyCase
            {
                Number = $"SIAK-{DateTimeOffset.UtcNow.ToOffset(Wib).Year}-{serial:D6}",
                ClientReference = body.NoReferensi,
                Service = body.JenisLayanan,
                FiledAt = DateTimeOffset.UtcNow,
                Data = body.Data ?? [],
                Status = "BARU",
            });
            return Results.Json(ToWire(legacyCase), statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });
        api.MapPost("/{nomor}/berkas", async (string nomor, HttpContext context) =>
        {
            if (sample.Cases.Find(nomor) is not { } legacyCase)
            {
                return Results.Json(new SiakPesan("Permohonan tidak ditemukan"), statusCode: StatusCodes.Status404NotFound);
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (form.Files["berkas"] is not { } berkas)
            {
                return Results.Json(new SiakPesan("berkas wajib dilampirkan"), statusCode: StatusCodes.Status400BadRequest);
            }

            if (berkas.Length > MaxAttachmentBytes)
            {
                return Results.Json(new SiakPesan("Ukuran berkas melebihi 2 MB"), statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            await using var stream = berkas.OpenReadStream();
            var sha256 = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream, context.RequestAborted));
            if (!string.Equals(sha256, form["sha256"], StringComparison.OrdinalIgnoreCase))
            {
                return Results.Json(new SiakPesan("Checksum berkas tidak cocok, unggah ulang"), statusCode: StatusCodes.Status422UnprocessableEntity);
            }

            lock (legacyCase.Attachments)
            {
                legacyCase.Attachments.Add($"{berkas.FileName}|{sha256}");
                return Results.Json(new SiakBerkas($"{nomor}-B{legacyCase.Attachments.Count}", nomor, berkas.FileName), statusCode: StatusCodes.Status201Created);
            }
        });
        api.MapGet("/{nomor}", (string nomor) => sample.Cases.Find(nomor) is { } c
            ? Results.Json(ToWire(c))
            : Results.Json(new SiakPesan("Permohonan tidak ditemukan"), statusCode: StatusCodes.Status404NotFound));
        api.MapGet("/", (int? halaman, int? per_halaman) =>
        {
            var size = Math.Clamp(per_halaman ?? 20, 1, 50);
            var all = sample.Cases.All.OrderBy(c => c.Number, StringComparer.Ordinal).ToList();
            var pages = Math.Max(1, (all.Count + size - 1) / size);
            var page = Math.Clamp(halaman ?? 1, 1, pages);
            return Results.Json(new SiakHalaman(page, pages, [.. all.Skip((page - 1) * size).Take(size).Select(ToWire)]));
        });
    }

    private static SiakPermohonan ToWire(LegacyCase c) =>
        new(c.Number, c.ClientReference, c.Status, c.Note, c.FiledAt.ToOffset(Wib).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));

    /// <summary>A fixed one-second window, as the registry's gateway appliance counts.</summary>
    private sealed class RateWindow
    {
        private long _second;
        private int _count;

        public bool Allow(int limit)
        {
            var now = Environment.TickCount64 / 1000;
            lock (this)
            {
                if (now != _second)
                {
                    _second = now;
                    _count = 0;
                }

                return ++_count <= limit;
            }
        }
    }
}
