using System.Security.Cryptography;

namespace Gateway.Platform.Storage;

/// <summary>
/// Uploaded files on disk under names the gateway makes (<c>{owner}/{file}</c>), never under the name the
/// citizen sent, so an upload cannot choose where it lands. A file is written to a temporary name, hashed
/// while it streams, and moved into place only when complete: a reader never sees half a file.
/// </summary>
public sealed class FileFolder(string root)
{
    /// <summary>The folder's full path (relative roots are the caller's to resolve).</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Writes the content, at most <paramref name="maxBytes"/>; returns its length and SHA-256, or null when it was longer.</summary>
    public async Task<(long Length, string Sha256)?> SaveAsync(Guid owner, Guid file, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var path = PathOf(owner, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        try
        {
            await using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
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
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
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

    public Stream Open(Guid owner, Guid file) =>
        new FileStream(PathOf(owner, file), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public void Delete(Guid owner, Guid file) => File.Delete(PathOf(owner, file));

    private string PathOf(Guid owner, Guid file) => Path.Combine(Root, owner.ToString("N"), file.ToString("N"));
}
