using System.Security.Cryptography;
using Gateway.Platform.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Requests.Documents;

/// <summary>
/// Keeps uploaded documents on disk under names the gateway makes (<c>{request}/{document}</c>), never
/// under the name the citizen sent, so an upload cannot choose where it lands. A file is written to a
/// temporary name, hashed while it streams, and moved into place only when complete.
/// </summary>
internal sealed class DocumentStore
{
    private readonly string _root;

    public DocumentStore(IOptions<RequestOptions> options, IOptions<StorageOptions> storage, IHostEnvironment environment)
    {
        var folder = options.Value.Documents.Folder;
        _root = Path.GetFullPath(Path.IsPathRooted(folder) ? folder : Path.Combine(storage.Value.ResolveDataDirectory(environment.ContentRootPath), folder));
    }

    /// <summary>Writes the content, at most <paramref name="maxBytes"/>; returns its length and SHA-256, or null when it was longer.</summary>
    public async Task<(long Length, string Sha256)?> SaveAsync(Guid requestId, Guid documentId, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var path = PathOf(requestId, documentId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        return null;
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            File.Move(temporary, path);
            return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Stream Open(Guid requestId, Guid documentId) =>
        new FileStream(PathOf(requestId, documentId), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public void Delete(Guid requestId, Guid documentId) => File.Delete(PathOf(requestId, documentId));

    private string PathOf(Guid requestId, Guid documentId) => Path.Combine(_root, requestId.ToString("N"), documentId.ToString("N"));
}
