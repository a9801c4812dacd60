using System.Net;
using System.Xml;
using System.Xml.Linq;
using Gateway.Adapters.Sdk.Serialization;
using Gateway.Adapters.Sdk.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Refit;

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
        // SIMPERIZINAN numbers hold slashes (503/00001/DPMPTSP/2026): a catch-all segment keeps them whole.
        app.MapLegacyRead<LicenceStatus>("/izin/{**nomorRegistrasi}", LicenceStatusAsync, "StatusIzin",
            "Status izin di SIMPERIZINAN / A licence's status in SIMPERIZINAN");
        return app;
    }

    private static Task<IResult> LicenceStatusAsync(string nomorRegistrasi, ISimperizinanApi simperizinan, HttpContext http) =>
        LegacyReads.AnswerAsync(http, "SIMPERIZINAN", async cancellationToken =>
        {
            try
            {
                var answer = await simperizinan.CekStatusAsync(new CekStatus { NomorRegistrasi = nomorRegistrasi }, cancellationToken);
                return answer.Result is { Status: { Length: > 0 } status } result
                    ? new LicenceStatus(result.NomorRegistrasi ?? nomorRegistrasi, status, result.Catatan)
                    : null;
            }
            catch (ApiException e) when (IsCallersFault(e))
            {
                return null; // SIMPERIZINAN answers an unknown number with a SOAP fault, not an empty result
            }
        });

    /// <summary>
    /// A SOAP fault blaming the request — <c>Client</c> in SOAP 1.1, <c>Sender</c> as SIMPERIZINAN's stack
    /// writes it — means the service ran and refused this number; any other 500 is an outage.
    /// </summary>
    private static bool IsCallersFault(ApiException e)
    {
        if (e.StatusCode != HttpStatusCode.InternalServerError || string.IsNullOrEmpty(e.Content))
        {
            return false;
        }

        try
        {
            var code = SafeXml.Parse(e.Content).Descendants("faultcode").FirstOrDefault()?.Value ?? "";
            var name = code[(code.IndexOf(':', StringComparison.Ordinal) + 1)..];
            return name is "Client" or "Sender";
        }
        catch (XmlException)
        {
            return false; // an HTML error page: the app is down, not refusing
        }
    }
}

/// <summary>A licence application's status as SIMPERIZINAN reports it.</summary>
/// <param name="Status">SIMPERIZINAN's own status name, e.g. <c>SURVEI_LAPANGAN</c>.</param>
/// <param name="Note">What the licensing officer wrote, if anything.</param>
public sealed record LicenceStatus(string RegistrationNumber, string Status, string? Note);
