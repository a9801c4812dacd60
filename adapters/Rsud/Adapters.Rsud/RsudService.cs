using Gateway.Adapters.Sdk.Calls;
using Gateway.Adapters.Sdk.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Adapters.Rsud;

/// <summary>
/// The RSUD adapter as a service: the adapter contract for the gateway, and a registration's place in
/// SIMRS's queue — which SIMRS only publishes as a semicolon-separated export — as JSON for patients
/// through the gateway (single sign-on). The polyclinic is left out: it says what the patient is ill with.
/// </summary>
public static class RsudService
{
    public static WebApplicationBuilder AddRsudService(this WebApplicationBuilder builder) =>
        builder.AddAdapterService(adapters => adapters.AddRsud());

    public static WebApplication MapRsudService(this WebApplication app)
    {
        app.MapAdapterService();
        app.MapLegacyRead<QueueRegistration>("/antrian/{nomor}", RegistrationAsync, "StatusAntrian",
            "Status pendaftaran antrean di SIMRS / A queue registration's status in SIMRS");
        return app;
    }

    private static Task<IResult> RegistrationAsync(string nomor, ISimrsApi simrs, HttpContext http) =>
        LegacyReads.AnswerAsync(http, "SIMRS", async cancellationToken =>
        {
            var csv = await LegacyCalls.RunAsync(() => simrs.ExportAsync(cancellationToken), "SIMRS export", cancellationToken);
            return SimrsExport.Parse(csv).FirstOrDefault(r => r.Number == nomor) is { } row
                ? new QueueRegistration(row.Number, row.VisitDate, row.Status, row.Note)
                : null;
        });
}

/// <summary>A registration as SIMRS's export shows it.</summary>
/// <param name="VisitDate">As SIMRS writes it (dd/MM/yyyy).</param>
/// <param name="Status">SIMRS's own status name, e.g. <c>DILAYANI</c>.</param>
public sealed record QueueRegistration(string Number, string VisitDate, string Status, string? Note);
