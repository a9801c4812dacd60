using Gateway.Adapters.Sdk.Calls;
using Gateway.Adapters.Sdk.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Adapters.Dpmptsp;

/// <summary>
/// The DPMPTSP adapter as a service: the adapter contract for the gateway, and SIMPERIZINAN's licence
/// status — SOAP/XML at the agency — as JSON for citizens through the gateway (single sign-on).
/// </summary>
public static class DpmptspService
{
    public static WebApplicationBuilder AddDpmptspService(this WebApplicationBuilder builder) =>
        builder.AddAdapterService(adapters => adapters.AddDpmptsp());

    public static WebApplication MapDpmptspService(this WebApplication app)
    {
        app.MapAdapterService();
        return app.MapDpmptspReads();
    }

    /// <summary>SIMPERIZINAN's reads in JSON, for signed-in people reaching the adapter through the gateway.</summary>
    public static WebApplication MapDpmptspReads(this WebApplication app)
    {
        app.MapGet("/izin/{**nomorRegistrasi}", LicenceStatusAsync) // SIMPERIZINAN numbers hold slashes: 503/00001/DPMPTSP/2026
            .RequireAuthorization(GatewaySchemes.ForwardedIdentity)
            .WithName("StatusIzin")
            .WithSummary("Status izin di SIMPERIZINAN / A licence's status in SIMPERIZINAN")
            .Produces<LicenceStatus>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> LicenceStatusAsync(string nomorRegistrasi, ISimperizinanApi simperizinan, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await LegacyCalls.RunAsync(
                () => simperizinan.CekStatusAsync(new CekStatus { NomorRegistrasi = nomorRegistrasi }, cancellationToken), "SIMPERIZINAN CekStatus", cancellationToken);
            return answer.Result is { Status: { Length: > 0 } status } result
                ? TypedResults.Ok(new LicenceStatus(result.NomorRegistrasi ?? nomorRegistrasi, status, result.Catatan))
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                    title: "Nomor registrasi tidak dikenal SIMPERIZINAN / Registration number unknown to SIMPERIZINAN");
        }
        catch (LegacyUnavailableException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "SIMPERIZINAN sedang tidak dapat dihubungi / SIMPERIZINAN cannot be reached now");
        }
    }
}

/// <summary>A licence application's status as SIMPERIZINAN reports it.</summary>
/// <param name="Status">SIMPERIZINAN's own status name, e.g. <c>SURVEI_LAPANGAN</c>.</param>
/// <param name="Note">What the licensing officer wrote, if anything.</param>
public sealed record LicenceStatus(string RegistrationNumber, string Status, string? Note);
