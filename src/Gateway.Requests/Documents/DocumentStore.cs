using Gateway.Platform.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Requests.Documents;

/// <summary>Supporting documents on disk: <c>Requests:Documents:Folder</c> (under the data directory unless rooted), one folder per request.</summary>
internal sealed class DocumentStore(IOptions<RequestOptions> options, IOptions<StorageOptions> storage, IHostEnvironment environment)
{
    private readonly FileFolder _folder = new(storage.Value.ResolveFolder(environment.ContentRootPath, options.Value.Documents.Folder));

    /// <inheritdoc cref="FileFolder.SaveAsync"/>
    public Task<(long Length, string Sha256)?> SaveAsync(Guid requestId, Guid documentId, Stream content, long maxBytes, CancellationToken cancellationToken) =>
        _folder.SaveAsync(requestId, documentId, content, maxBytes, cancellationToken);

    public Stream Open(Guid requestId, Guid documentId) => _folder.Open(requestId, documentId);

    public void Delete(Guid requestId, Guid documentId) => _folder.Delete(requestId, documentId);
}
