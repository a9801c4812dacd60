using System.Globalization;
using System.ServiceModel;
using Gateway.Adapters.SampleHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SoapCore;

namespace Adapters.Dpmptsp.LegacyApp;

/// <summary>
/// The sample SIMPERIZINAN at <c>/ws/perizinan.asmx</c> (WSDL at <c>?wsdl</c>). Quirks: the key header
/// is <c>X-Api-Key</c>; refusals come back as <c>Berhasil=false</c> with a reason, not as faults; an
/// unknown registration number is a SOAP fault; dates are dd/MM/yyyy HH:mm.
/// </summary>
public static class SimperizinanApp
{
    public const string Namespace = "http://simperizinan.dpmptsp.bandung.go.id/ws";
    public const string Path = "/ws/perizinan.asmx";
    public const string KeyHeader = "X-Api-Key";

    /// <summary>Every status SIMPERIZINAN gives a registration.</summary>
    public static readonly IReadOnlyList<string> Statuses =
        ["DITERIMA", "VERIFIKASI_BERKAS", "SURVEI_LAPANGAN", "PROSES_TEKNIS", "PERBAIKAN", "TERBIT", "DITOLAK"];

    /// <summary>Permits that need the business's NIB.</summary>
    public static readonly IReadOnlySet<string> NeedsNib = new HashSet<string>(StringComparer.Ordinal) { "nib-usaha-mikro", "izin-reklame" };

    public static Task<SampleLegacyApp> StartAsync(string apiKey, int port = 0, CancellationToken cancellationToken = default) =>
        SampleLegacyApp.StartAsync("SIMPERIZINAN DPMPTSP", (app, _) => Map(app, apiKey), (builder, sample) =>
        {
            builder.Services.AddSoapCore();
            builder.Services.AddSingleton(sample.Cases);
            builder.Services.AddSingleton<ISimperizinanService, SimperizinanService>();
        }, port, cancellationToken);

    private static void Map(WebApplication app, string apiKey)
    {
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/_sample") && context.Request.Headers[KeyHeader] != apiKey
                && !context.Request.Query.ContainsKey("wsdl"))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("Akses ditolak: kunci API salah");
                return;
            }

            await next(context);
        });
        ((IEndpointRouteBuilder)app).UseSoapEndpoint<ISimperizinanService>(Path, new SoapEncoderOptions(), SoapSerializer.XmlSerializer);
    }

    internal static string Now() =>
        DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>The service implementation over the sample app's case book.</summary>
internal sealed class SimperizinanService(CaseBook cases) : ISimperizinanService
{
    public HasilPengajuan AjukanIzin(PengajuanIzin pengajuan)
    {
        if (string.IsNullOrEmpty(pengajuan.NomorReferensi) || string.IsNullOrEmpty(pengajuan.JenisIzin))
        {
            return new HasilPengajuan { Berhasil = false, Pesan = "NomorReferensi dan JenisIzin wajib diisi" };
        }

        if (SimperizinanApp.NeedsNib.Contains(pengajuan.JenisIzin) && pengajuan.Nib is not { Length: 13 })
        {
            return new HasilPengajuan { Berhasil = false, Pesan = "NIB tidak ditemukan di OSS; daftarkan usaha di oss.go.id terlebih dahulu" };
        }

        var (legacyCase, _) = cases.File(pengajuan.NomorReferensi, serial => new LegacyCase
        {
            Number = $"503/{serial:D5}/DPMPTSP/{DateTime.UtcNow.Year}",
            ClientReference = pengajuan.NomorReferensi,
            Service = pengajuan.JenisIzin,
            FiledAt = DateTimeOffset.UtcNow,
            Data = new Dictionary<string, string>
            {
                ["Nib"] = pengajuan.Nib ?? "",
                ["LokasiUsaha"] = pengajuan.LokasiUsaha ?? "",
                ["Keterangan"] = pengajuan.Keterangan ?? "",
            },
            Status = "DITERIMA",
        });
        return new HasilPengajuan { Berhasil = true, NomorRegistrasi = legacyCase.Number, Status = legacyCase.Status };
    }

    public StatusIzin CekStatus(string nomorRegistrasi) =>
        cases.Find(nomorRegistrasi) is { } c
            ? new StatusIzin { NomorRegistrasi = c.Number, Status = c.Status, Catatan = c.Note, TanggalUpdate = SimperizinanApp.Now() }
            : throw new FaultException($"Nomor registrasi {nomorRegistrasi} tidak ditemukan");
}
