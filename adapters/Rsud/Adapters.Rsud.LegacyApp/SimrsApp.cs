using System.Globalization;
using System.Text;
using Gateway.Adapters.SampleHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Adapters.Rsud.LegacyApp;

/// <summary>
/// The sample SIMRS. Registration: <c>POST /pendaftaran/online.php</c> (form fields <c>nik</c>, <c>nama</c>,
/// <c>poli</c>, <c>tgl_kunjungan</c> dd/MM/yyyy, <c>ref</c>), answered in plain text. Statuses: only
/// <c>GET /export/antrian.csv</c>, every registration of the export window, ending with <c>TOTAL;n</c>.
/// Basic authentication (the export was meant for the hospital's own staff).
/// </summary>
public static class SimrsApp
{
    public const string Username = "gateway";

    /// <summary>Every status SIMRS writes in its export.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["TERDAFTAR", "DIPANGGIL", "DILAYANI", "RUJUK_ULANG", "SELESAI", "TIDAK_HADIR", "BATAL"];

    /// <summary>Polyclinics taking online registrations.</summary>
    public static readonly IReadOnlySet<string> Polyclinics = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "umum", "anak", "penyakit-dalam", "kandungan", "gigi", "mata",
    };

    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public static Task<SampleLegacyApp> StartAsync(string password, int port = 0, CancellationToken cancellationToken = default) =>
        SampleLegacyApp.StartAsync("SIMRS RSUD", (app, sample) => Map(app, sample, password), port: port, cancellationToken: cancellationToken);

    private static void Map(WebApplication app, SampleLegacyApp sample, string password)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{password}"));
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/_sample") && context.Request.Headers.Authorization != expected)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"SIMRS\"";
                return;
            }

            await next(context);
        });

        app.MapPost("/pendaftaran/online.php", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            string Field(string name) => form[name].ToString().Trim();
            if (!Polyclinics.Contains(Field("poli")))
            {
                return Results.Text("GAGAL;Poli tidak tersedia untuk pendaftaran online", "text/plain");
            }

            if (!DateOnly.TryParseExact(Field("tgl_kunjungan"), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var visit))
            {
                return Results.Text("GAGAL;Format tanggal salah (dd/mm/yyyy)", "text/plain");
            }

            var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Wib).DateTime);
            if (visit < today)
            {
                return Results.Text("GAGAL;Tanggal kunjungan sudah lewat", "text/plain");
            }

            var legacyCase = sample.Cases.FileWithoutDuplicateCheck(serial => new LegacyCase
            {
                Number = $"RJ{visit:yyyyMMdd}{serial:D4}",
                ClientReference = Field("ref"),
                Service = Field("poli").ToLowerInvariant(),
                FiledAt = DateTimeOffset.UtcNow,
                Data = new Dictionary<string, string> { ["nik"] = Field("nik"), ["nama"] = Field("nama"), ["tgl_kunjungan"] = visit.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) },
                Status = "TERDAFTAR",
            });
            return Results.Text($"OK;{legacyCase.Number}", "text/plain");
        });

        app.MapGet("/export/antrian.csv", () =>
        {
            var csv = new StringBuilder("no_registrasi;no_referensi;poli;tgl_kunjungan;status;keterangan\r\n");
            var rows = sample.Cases.All.OrderBy(c => c.Number, StringComparer.Ordinal).ToList();
            foreach (var c in rows)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{c.Number};{c.ClientReference};{c.Service};{c.Data["tgl_kunjungan"]};{c.Status};{Quote(c.Note)}\r\n");
            }

            csv.Append(CultureInfo.InvariantCulture, $"TOTAL;{rows.Count}\r\n");
            return Results.Text(csv.ToString(), "text/csv", Encoding.UTF8);
        });
    }

    /// <summary>Notes may hold semicolons and quotes; the export quotes them as spreadsheet programs do.</summary>
    private static string Quote(string? note) =>
        note is null ? "" : note.Contains(';', StringComparison.Ordinal) || note.Contains('"', StringComparison.Ordinal)
            ? "\"" + note.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : note;
}
