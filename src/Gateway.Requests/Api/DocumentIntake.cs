using System.Security.Claims;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Gateway.Platform.Storage;
using Gateway.Requests.Adapters;
using Gateway.Requests.Documents;
using Gateway.Requests.Model;
using Gateway.Requests.Persistence;
using Gateway.Requests.Submitting;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Requests.Api;

/// <summary>Why a document was not taken: the problem's kind, the words, and the field at fault when there is one.</summary>
public readonly record struct DocumentRefusal(ProblemKind Kind, BilingualText Message, string? Field = null);

/// <summary>A document taken in, or why not.</summary>
public sealed record DocumentOutcome(DocumentView? Document, DocumentRefusal? Refusal);

/// <summary>
/// Takes a supporting document for one of the citizen's own requests, for the API and the portal's page alike:
/// the agency's rules (types, size) meet the gateway's, the content must match its declared type, and the
/// file and its row are written together or not at all. Delivered at once when the request is already filed.
/// </summary>
public sealed class DocumentIntake
{
    /// <summary>How long to wait before trying again when the agency's adapter could not be asked (the breaker's pause is 15 s).</summary>
    public const int RetryAfterSeconds = 30;

    private readonly RequestsDbContext _db;
    private readonly DocumentStore _store;
    private readonly AdapterConnections _adapters;
    private readonly RequestOptions _options;
    private readonly TimeProvider _time;
    private readonly IServiceScopeFactory _scopes;

    internal DocumentIntake(RequestsDbContext db, DocumentStore store, AdapterConnections adapters, IOptions<RequestOptions> options, TimeProvider time, IServiceScopeFactory scopes)
    {
        _db = db;
        _store = store;
        _adapters = adapters;
        _options = options.Value;
        _time = time;
        _scopes = scopes;
    }

    public async Task<DocumentOutcome> AddAsync(ClaimsPrincipal citizen, string trackingNumber, IFormFile? file, CancellationToken cancellationToken)
    {
        var request = await RequestReads.FindMineAsync(_db.Requests, trackingNumber, citizen, cancellationToken);
        if (request is null)
        {
            return Refused(ProblemKind.NotFound, RequestTexts.UnknownRequest.With(trackingNumber));
        }

        if (RequestStatuses.IsFinal(request.Status))
        {
            return Refused(ProblemKind.Conflict, RequestTexts.AlreadyFinal.With(trackingNumber, RequestStatuses.Label(request.Status).Localize()));
        }

        if (_adapters.For(request.AdapterName) is not { } adapter)
        {
            return Refused(ProblemKind.Unprocessable, DocumentTexts.NotAccepted);
        }

        // The agency's rules come from its adapter, asked now: when it cannot answer, that says nothing of
        // whether it takes documents, so the citizen is asked to try again rather than told it never will.
        if (await adapter.DocumentRulesAsync(cancellationToken) is not { } agency)
        {
            return Refused(ProblemKind.ServiceUnavailable, DocumentTexts.TryAgain);
        }

        if (agency.ContentTypes.Count == 0)
        {
            return Refused(ProblemKind.Unprocessable, DocumentTexts.NotAccepted);
        }

        var limits = _options.Documents;
        if (request.Documents.Count >= limits.MaxPerRequest)
        {
            return Refused(ProblemKind.Conflict, DocumentTexts.TooMany.With(limits.MaxPerRequest));
        }

        if (file is null || file.Length == 0)
        {
            return Refused(ProblemKind.Validation, DocumentTexts.FileRequired, "file");
        }

        var types = limits.ContentTypes.Where(agency.ContentTypes.Contains).ToList();
        var contentType = FileTypes.Bare(file.ContentType);
        if (!types.Contains(contentType))
        {
            return Refused(ProblemKind.UnsupportedMediaType, DocumentTexts.TypeNotAccepted.With(string.Join(", ", types)), "file");
        }

        var maxBytes = Math.Min(limits.MaxBytes, agency.MaxBytes);
        if (file.Length > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        await using var content = file.OpenReadStream();
        var header = new byte[FileTypes.HeaderLength];
        var read = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        if (!FileTypes.Matches(contentType, header.AsSpan(0, read)))
        {
            return Refused(ProblemKind.UnsupportedMediaType, DocumentTexts.ContentMismatch.With(contentType), "file");
        }

        content.Position = 0;
        var document = new RequestDocument
        {
            Id = NewId.NextGuid(),
            RequestId = request.Id,
            FileName = FileTypes.CleanName(file.FileName),
            ContentType = contentType,
            Sha256 = "",
            UploadedAt = _time.GetUtcNow().UtcDateTime,
        };
        if (await _store.SaveAsync(request.Id, document.Id, content, maxBytes, cancellationToken) is not { } saved)
        {
            return TooLarge(maxBytes);
        }

        document.Length = saved.Length;
        document.Sha256 = saved.Sha256;
        _db.Documents.Add(document);
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            _store.Delete(request.Id, document.Id); // no row, no file: nothing half-written
            throw;
        }

        if (request.Dispatch == DispatchState.Filed)
        {
            await using var scope = _scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DocumentDelivery>().DeliverPendingAsync(request.Id, cancellationToken);
            await _db.Entry(document).ReloadAsync(cancellationToken);
        }

        return new DocumentOutcome(document.ToView(), null);
    }

    private static DocumentOutcome TooLarge(long maxBytes) =>
        Refused(ProblemKind.PayloadTooLarge, DocumentTexts.TooLarge.With(maxBytes / 1024), "file");

    private static DocumentOutcome Refused(ProblemKind kind, BilingualText message, string? field = null) =>
        new(null, new DocumentRefusal(kind, message, field));
}
