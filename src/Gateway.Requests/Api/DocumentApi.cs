using System.Globalization;
using Gateway.Platform.Problems;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Requests.Api;

/// <summary><c>POST /api/requests/{trackingNumber}/documents</c>: a supporting document, where the agency's system takes them.</summary>
internal static class DocumentApi
{
    public static void MapDocumentApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/requests/{trackingNumber}/documents", Upload)
            .WithTags("Service requests")
            .RequireAuthorization(Policies.Citizen)
            // The session cookie is SameSite=Lax, so no other site can post a form with it; bearer
            // clients carry no ambient credential at all. Antiforgery tokens would only break API clients.
            .DisableAntiforgery()
            .WithSummary("Upload a supporting document (multipart field 'file'; PDF, JPEG or PNG)")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<DocumentView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> Upload(
        string trackingNumber, IFormFile? file, HttpContext http, DocumentIntake intake, CancellationToken cancellationToken)
    {
        var outcome = await intake.AddAsync(http.User, trackingNumber, file, cancellationToken);
        if (outcome.Document is { } document)
        {
            return TypedResults.Created($"/api/requests/{trackingNumber}", document);
        }

        var refusal = outcome.Refusal!.Value;
        if (refusal.Kind == ProblemKind.ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = DocumentIntake.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return refusal.Field is { } field
            ? Problems.Result(refusal.Kind, refusal.Message, Problems.FieldError(field, refusal.Message))
            : Problems.Result(refusal.Kind, refusal.Message);
    }
}
