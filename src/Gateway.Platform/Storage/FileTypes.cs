namespace Gateway.Platform.Storage;

/// <summary>
/// What a file really is, from its first bytes: the declared content type alone is whatever the
/// browser or the client guessed, and a renamed executable must not reach an agency's clerk as a "PDF".
/// </summary>
public static class FileTypes
{
    private static readonly Dictionary<string, byte[][]> Signatures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = ["%PDF-"u8.ToArray()],
        ["image/jpeg"] = [[0xFF, 0xD8, 0xFF]],
        ["image/png"] = [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]],
    };

    /// <summary>Bytes needed to recognise any known type.</summary>
    public const int HeaderLength = 8;

    /// <summary>The declared content type without parameters, lower case: <c>image/JPEG; x=1</c> is <c>image/jpeg</c>.</summary>
    public static string Bare(string? contentType) => (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>True when the first bytes match <paramref name="contentType"/>'s signature.</summary>
    public static bool Matches(string contentType, ReadOnlySpan<byte> header)
    {
        if (!Signatures.TryGetValue(contentType, out var signatures))
        {
            return false;
        }

        foreach (var signature in signatures)
        {
            if (header.StartsWith(signature))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A name safe to show and to pass on: no folders, no control characters, at most 120 characters.</summary>
    public static string CleanName(string? fileName, string fallback = "dokumen")
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        var clean = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))]).Trim();
        if (clean.Length == 0)
        {
            clean = fallback;
        }

        return clean.Length > 120 ? clean[^120..] : clean;
    }
}
