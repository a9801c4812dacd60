using System.Net;
using Gateway.Adapters.Sdk.Calls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Refit;

namespace Gateway.Adapters.Sdk.Service;

/// <summary>
/// An agency's read endpoint on an adapter service: the legacy app's answer, translated to JSON, for a
/// person signed in at the gateway (its forwarded identity). Every read fails the same three ways:
/// 404 when the legacy app does not know the number, 503 when it cannot be reached now (try later),
/// 502 when its answer cannot be read (the operators' problem, logged).
/// </summary>
public static partial class LegacyReads
{
    /// <summary>A GET read behind the gateway's forwarded identity, documented with its answer and its failures.</summary>
    public static RouteHandlerBuilder MapLegacyRead<TAnswer>(this IEndpointRouteBuilder app, string pattern, Delegate handler, string name, string summary) =>
        app.MapGet(pattern, handler)
            .RequireAuthorization(GatewaySchemes.ForwardedIdentity)
            .WithName(name)
            .WithSummary(summary)
            .Produces<TAnswer>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>Runs the read; a null answer, or the legacy app's own 404, means it does not know the number.</summary>
    public static async Task<IResult> AnswerAsync<TAnswer>(HttpContext http, string legacyApp, Func<CancellationToken, Task<TAnswer?>> read)
        where TAnswer : class
    {
        try
        {
            return await LegacyCalls.RunAsync(() => read(http.RequestAborted), legacyApp, http.RequestAborted) is { } answer
                ? TypedResults.Ok(answer)
                : NotKnown(legacyApp);
        }
        catch (LegacyContractException e) when (e.InnerException is ApiException { StatusCode: HttpStatusCode.NotFound })
        {
            return NotKnown(legacyApp);
        }
        catch (LegacyUnavailableException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: $"{legacyApp} sedang tidak dapat dihubungi; coba lagi nanti / {legacyApp} cannot be reached now; try again later");
        }
        catch (LegacyContractException e)
        {
            LogUnreadable(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LegacyReads)), e, legacyApp);
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway,
                title: $"Jawaban {legacyApp} tidak dapat dibaca / {legacyApp}'s answer could not be read");
        }
    }

    private static ProblemHttpResult NotKnown(string legacyApp) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
            title: $"Nomor ini tidak dikenal {legacyApp} / {legacyApp} does not know this number");

    [LoggerMessage(Level = LogLevel.Warning, Message = "{LegacyApp} answered a read with something the adapter cannot read")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string legacyApp);
}
