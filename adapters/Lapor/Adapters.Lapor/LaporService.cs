using Gateway.Adapters.Sdk.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Adapters.Lapor;

/// <summary>
/// The LAPOR! adapter as a service: the adapter contract for the gateway, and a report's routing and
/// follow-ups in SP4N-LAPOR! for residents through the gateway (single sign-on). The reporter is left
/// out: LAPOR! knows who reported, the reader need not.
/// </summary>
public static class LaporService
{
    public static WebApplicationBuilder AddLaporService(this WebApplicationBuilder builder) =>
        builder.AddAdapterService(adapters => adapters.AddLapor());

    public static WebApplication MapLaporService(this WebApplication app)
    {
        app.MapAdapterService();
        app.MapLegacyRead<ReportProgress>("/laporan/{trackingId}", ReportAsync, "StatusLaporan",
            "Status dan tindak lanjut laporan di SP4N-LAPOR! / A report's status and follow-ups in SP4N-LAPOR!");
        return app;
    }

    private static Task<IResult> ReportAsync(string trackingId, ILaporApi lapor, HttpContext http) =>
        LegacyReads.AnswerAsync(http, "SP4N-LAPOR!", async cancellationToken =>
            await lapor.LaporanAsync(trackingId, cancellationToken) is { TrackingId: { Length: > 0 } id, Status: { Length: > 0 } status } report
                ? new ReportProgress(id, status, report.InstansiTujuan?.Nama,
                    [.. (report.TindakLanjut ?? []).Select(f => new ReportFollowUp(f.Tanggal, f.Isi ?? ""))])
                : null);
}

/// <summary>A report as SP4N-LAPOR! shows it.</summary>
/// <param name="Status">LAPOR!'s own status name, e.g. <c>DIDISPOSISIKAN</c>.</param>
/// <param name="Agency">The agency it was routed to, once routed.</param>
public sealed record ReportProgress(string TrackingId, string Status, string? Agency, IReadOnlyList<ReportFollowUp> FollowUps);

public sealed record ReportFollowUp(DateTimeOffset Date, string Text);
