using System.Xml;
using System.Xml.Linq;
using Gateway.Adapters.Sdk.Calls;

namespace Gateway.Adapters.Sdk.Serialization;

/// <summary>
/// Reads XML from a legacy app the way an untrusted document must be read: no DTDs (so no entity
/// expansion — "billion laughs" — and no external entities reaching files or the network) and no more
/// than a set size, so one broken or hostile answer cannot exhaust the adapter's memory.
/// </summary>
public static class SafeXml
{
    /// <summary>The largest answer read by default: 4 MiB, far above any status or form a legacy app returns.</summary>
    public const int DefaultMaxBytes = 4 * 1024 * 1024;

    private static XmlReaderSettings Settings(int maxBytes) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = maxBytes,
        Async = true,
    };

    /// <exception cref="LegacyContractException">The document declares a DTD, is too large or is not XML.</exception>
    public static async Task<XDocument> LoadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        await using var capped = new CappedStream(stream, maxBytes);
        try
        {
            using var reader = XmlReader.Create(capped, Settings(maxBytes));
            return await XDocument.LoadAsync(reader, LoadOptions.None, cancellationToken);
        }
        catch (XmlException ex)
        {
            throw new LegacyContractException($"the answer is not acceptable XML: {ex.Message}", ex);
        }
        catch (InvalidDataException)
        {
            throw TooLarge(maxBytes);
        }
    }

    /// <summary>Parses a document held in memory (e.g. an error body), with the same rules.</summary>
    /// <exception cref="XmlException">The text declares a DTD, is too large or is not XML.</exception>
    public static XDocument Parse(string text, int maxBytes = DefaultMaxBytes)
    {
        using var reader = XmlReader.Create(new StringReader(text), Settings(maxBytes));
        return XDocument.Load(reader);
    }

    private static LegacyContractException TooLarge(int maxBytes) =>
        new($"the answer is larger than {maxBytes} bytes, the most this adapter reads");

    /// <summary>Passes a stream through until <c>limit</c> bytes, then fails (a Content-Length can be absent or wrong).</summary>
    private sealed class CappedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw new InvalidDataException("too large") : read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
