using Gateway.Adapters.Sdk.Calls;
using Gateway.Contracts.Adapters.V1;
using Gateway.Requests.Adapters;
using Gateway.Requests.Model;
using Gateway.Requests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Gateway.Requests.Documents;

/// <summary>
/// Hands uploaded documents to the agency's system once the request is filed there (a document may be
/// uploaded before the agency has a case number). What fails stays undelivered and is tried again by
/// the sweeper; the citizen sees "delivered" per document.
/// </summary>
internal sealed partial class DocumentDelivery(
    RequestsDbContext db, AdapterConnections adapters, DocumentStore store, TimeProvider time, ILogger<DocumentDelivery> logger)
{
    /// <returns>How many documents were delivered.</returns>
    public async Task<int> DeliverPendingAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is not { Dispatch: DispatchState.Filed, ExternalReference: { } reference }
            || adapters.For(request.AdapterName) is not { } adapter)
        {
            return 0;
        }

        var pending = await db.Documents.Where(d => d.RequestId == requestId && d.DeliveredAt == null).ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var document in pending)
        {
            await using var content = store.Open(requestId, document.Id);
            var outcome = await adapter.AttachDocumentAsync(reference, new AdapterDocument
            {
                DocumentId = document.Id,
                FileName = document.FileName,
                ContentType = document.ContentType,
                Length = document.Length,
                Sha256 = document.Sha256,
            }, content, cancellationToken);
            if (outcome.Kind == AdapterOutcomeKind.Done)
            {
                document.DeliveredAt = time.GetUtcNow().UtcDateTime;
                delivered++;
            }
            else
            {
                LogNotDelivered(logger, document.Id, request.TrackingNumber, outcome.Problem);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return delivered;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId} of request {TrackingNumber} not delivered yet: {Problem}")]
    private static partial void LogNotDelivered(ILogger logger, Guid documentId, string trackingNumber, string? problem);
}
