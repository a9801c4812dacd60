using Gateway.Adapters.Sdk.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Adapters.Disdukcapil;

/// <summary>
/// The Disdukcapil adapter as a service: the adapter contract for the gateway, and an application's
/// status in SIAK for citizens through the gateway (single sign-on), and the civil registry's NIK check for
/// the gateway (<c>POST /adapter/v1/civil-registry/checks</c>, from the SDK). Only a status, or "match" /
/// "no match", leaves SIAK here: no name, no NIK, nothing about the resident.
/// </summary>
public static class DisdukcapilService
{
    public static WebApplicationBuilder AddDisdukcapilService(this WebApplicationBuilder builder) =>
        builder.AddAdapterService(adapters => adapters.AddDisdukcapil());

    public static WebApplication MapDisdukcapilService(this WebApplication app)
    {
        app.MapAdapterService();
        app.MapLegacyRead<CivilApplicationStatus>("/permohonan/{nomor}", ApplicationStatusAsync, "StatusPermohonan",
            "Status permohonan dokumen kependudukan di SIAK / A civil-registry application's status in SIAK");
        return app;
    }

    private static Task<IResult> ApplicationStatusAsync(string nomor, ISiakApi siak, HttpContext http) =>
        LegacyReads.AnswerAsync(http, "SIAK", async cancellationToken =>
            await siak.PermohonanAsync(nomor, cancellationToken) is { NoPermohonan: { Length: > 0 } number, StatusPermohonan: { Length: > 0 } status } application
                ? new CivilApplicationStatus(number, status, application.Keterangan, application.TglPermohonan)
                : null);
}

/// <summary>An application's status as SIAK reports it.</summary>
/// <param name="Status">SIAK's own status name, e.g. <c>VERIFIKASI</c>.</param>
/// <param name="FiledOn">The filing date as SIAK writes it (dd-MM-yyyy).</param>
public sealed record CivilApplicationStatus(string Number, string Status, string? Note, string? FiledOn);
