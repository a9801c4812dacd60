using Gateway.Platform.Problems;
using Gateway.Platform.Security;
using Gateway.Requests.Adapters;
using Gateway.Requests.Documents;
using Gateway.Requests.Model;
using Gateway.Requests.Persistence;
using Gateway.Requests.Submitting;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> Upload(
        string trackingNumber,
        IFormFile? file,
        HttpContext http,
        RequestsDbContext db,
        DocumentStore store,
        AdapterConnections adapters,
        IOptions<RequestOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var request = await RequestApi.FindMineAsync(db.Requests, trackingNumber, http, cancellationToken);
        if (request is null)
        {
            return Problems.NotFound(RequestTexts.UnknownRequest.With(trackingNumber));
        }

        if (RequestStatuses.IsFinal(request.Status))
        {
            return Problems.Result(ProblemKind.Conflict, RequestTexts.AlreadyFinal.With(trackingNumber, RequestStatuses.Label(request.Status).Localize()));
        }

        if (adapters.For(request.AdapterName) is not { } adapter || await adapter.DocumentRulesAsync(cancellationToken) is not { } agency)
        {
            return Problems.Result(ProblemKind.Unprocessable, DocumentTexts.NotAccepted);
        }

        var limits = options.Value.Documents;
        if (request.Documents.Count >= limits.MaxPerRequest)
        {
            return Problems.Result(ProblemKind.Conflict, DocumentTexts.TooMany.With(limits.MaxPerRequest));
        }

        if (file is null)
        {
            return Problems.Result(ProblemKind.Validation, errors: Problems.FieldError("file", DocumentTexts.FileRequired));
        }

        var types = limits.ContentTypes.Where(agency.ContentTypes.Contains).ToList();
        var contentType = file.ContentType.Split(';')[0].Trim().ToLowerInvariant();
        if (!types.Contains(contentType))
        {
            return FileProblem(ProblemKind.UnsupportedMediaType, DocumentTexts.TypeNotAccepted.With(string.Join(", ", types)));
        }

        var maxBytes = Math.Min(limits.MaxBytes, agency.MaxBytes);
        if (file.Length > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        await using var content = file.OpenReadStream();
        var header = new byte[DocumentTypes.HeaderLength];
        var read = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        if (!DocumentTypes.Matches(contentType, header.AsSpan(0, read)))
        {
            return FileProblem(ProblemKind.UnsupportedMediaType, DocumentTexts.ContentMismatch.With(contentType));
        }

        content.Position = 0;
        var document = new RequestDocument
        {
            Id = NewId.NextGuid(),
            RequestId = request.Id,
            FileName = DocumentTypes.CleanName(file.FileName),
            ContentType = contentType,
            Sha256 = "",
            UploadedAt = time.GetUtcNow().UtcDateTime,
        };
        if (await store.SaveAsync(request.Id, document.Id, content, maxBytes, cancellationToken) is not { } saved)
        {
            return TooLarge(maxBytes);
        }

        document.Length = saved.Length;
        document.Sha256 = saved.Sha256;
        db.Documents.Add(document);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            store.Delete(request.Id, document.Id); // no row, no file: nothing half-written
            throw;
        }

        if (request.Dispatch == DispatchState.Filed)
        {
            await using var scope = http.RequestServices.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DocumentDelivery>().DeliverPendingAsync(request.Id, cancellationToken);
            await db.Entry(document).ReloadAsync(cancellationToken);
        }

        return TypedResults.Created($"/api/requests/{trackingNumber}", document.ToView());
    }

    private static IResult TooLarge(long maxBytes) => FileProblem(ProblemKind.PayloadTooLarge, DocumentTexts.TooLarge.With(maxBytes / 1024));

    private static IResult FileProblem(ProblemKind kind, Platform.Localization.BilingualText message) =>
        Problems.Result(kind, message, Problems.FieldError("file", message));
}
