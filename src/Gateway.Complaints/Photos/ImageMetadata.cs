using System.Buffers.Binary;

namespace Gateway.Complaints.Photos;

/// <summary>
/// Takes out what a phone writes into a photo besides the picture: GPS position, device, time, comments.
/// A complaint's photo is seen by officers and may be shown to others; where the complainant stood and with
/// which phone is not theirs to learn. The orientation is kept, so an upright photo stays upright.
/// Only the container is rewritten (JPEG segments, PNG chunks); the image data is copied byte for byte.
/// </summary>
public static class ImageMetadata
{
    private static readonly byte[] ExifHeader = "Exif\0\0"u8.ToArray();
    private static readonly HashSet<string> PngPrivateChunks = ["tEXt", "zTXt", "iTXt", "eXIf", "tIME"];

    /// <returns>The image without metadata, or null when it is not a well-formed JPEG or PNG.</returns>
    public static byte[]? Strip(string contentType, ReadOnlySpan<byte> image) => contentType switch
    {
        "image/jpeg" => StripJpeg(image),
        "image/png" => StripPng(image),
        _ => null,
    };

    private static byte[]? StripJpeg(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            return null;
        }

        using var output = new MemoryStream(jpeg.Length);
        output.Write(jpeg[..2]);
        var position = 2;
        while (position + 4 <= jpeg.Length)
        {
            if (jpeg[position] != 0xFF)
            {
                return null;
            }

            var marker = jpeg[position + 1];
            if (marker == 0xFF)
            {
                position++; // fill byte before a marker
                continue;
            }

            if (marker is 0xDA or 0xD9)
            {
                output.Write(jpeg[position..]); // start of scan (or end): the picture itself follows, unchanged
                return output.ToArray();
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(position + 2)..]);
            if (length < 2 || position + 2 + length > jpeg.Length)
            {
                return null;
            }

            var segment = jpeg.Slice(position, 2 + length);
            if (marker == 0xE1)
            {
                if (OrientationOf(segment[4..]) is { } orientation)
                {
                    output.Write(OrientationOnly(orientation));
                }
            }
            else if (!IsPrivate(marker))
            {
                output.Write(segment);
            }

            position += 2 + length;
        }

        return null; // no picture in it
    }

    /// <summary>APP1 (Exif, XMP), APP3–APP13, APP15 and comments; APP0 (JFIF), APP2 (colour profile) and APP14 (Adobe colour transform) are needed to show the picture right.</summary>
    private static bool IsPrivate(byte marker) => marker is 0xFE or (>= 0xE1 and <= 0xEF and not 0xE2 and not 0xEE);

    /// <summary>The Exif orientation tag (0x0112) of IFD0, when the segment is Exif and has one.</summary>
    private static ushort? OrientationOf(ReadOnlySpan<byte> app1)
    {
        if (!app1.StartsWith(ExifHeader) || app1.Length < ExifHeader.Length + 8)
        {
            return null;
        }

        var tiff = app1[ExifHeader.Length..];
        var bigEndian = tiff[0] == (byte)'M';
        var ifd = U32(tiff, 4, bigEndian);
        if (ifd + 2 > (uint)tiff.Length)
        {
            return null;
        }

        var entries = U16(tiff, (int)ifd, bigEndian);
        for (var i = 0; i < entries; i++)
        {
            var entry = (int)ifd + 2 + (i * 12);
            if (entry + 12 > tiff.Length)
            {
                return null;
            }

            if (U16(tiff, entry, bigEndian) == 0x0112)
            {
                var value = U16(tiff, entry + 8, bigEndian);
                return value is >= 1 and <= 8 ? value : null;
            }
        }

        return null;
    }

    private static ushort U16(ReadOnlySpan<byte> tiff, int at, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(tiff[at..]) : BinaryPrimitives.ReadUInt16LittleEndian(tiff[at..]);

    private static uint U32(ReadOnlySpan<byte> tiff, int at, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(tiff[at..]) : BinaryPrimitives.ReadUInt32LittleEndian(tiff[at..]);

    /// <summary>An APP1 segment with an Exif IFD0 holding the orientation alone.</summary>
    private static byte[] OrientationOnly(ushort orientation)
    {
        byte[] tiff =
        [
            (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF header, IFD0 at 8
            0, 1, // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte)(orientation >> 8), (byte)orientation, 0, 0, // orientation, SHORT, 1 value
            0, 0, 0, 0, // no next IFD
        ];
        var length = 2 + ExifHeader.Length + tiff.Length;
        return [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. ExifHeader, .. tiff];
    }

    private static byte[]? StripPng(ReadOnlySpan<byte> png)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!png.StartsWith(signature))
        {
            return null;
        }

        using var output = new MemoryStream(png.Length);
        output.Write(signature);
        var position = signature.Length;
        while (position + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[position..]);
            if (length > int.MaxValue - 12 || position + 12 + (long)length > png.Length)
            {
                return null;
            }

            var type = System.Text.Encoding.ASCII.GetString(png.Slice(position + 4, 4));
            var chunk = png.Slice(position, 12 + (int)length);
            if (!PngPrivateChunks.Contains(type))
            {
                output.Write(chunk);
            }

            position += chunk.Length;
            if (type == "IEND")
            {
                return output.ToArray();
            }
        }

        return null; // cut short: no IEND
    }
}
