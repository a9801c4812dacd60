using System.Buffers.Binary;
using System.Text;

namespace Gateway.Testing;

/// <summary>
/// Photos as a phone writes them: the picture, and around it where it was taken (GPS), with which phone, and when.
/// Small and hand-built, so a test can find each part; the scan data is arbitrary (nothing here decodes it).
/// </summary>
public static class PhonePhotos
{
    /// <summary>Text found only in the metadata: none of it may survive the gateway.</summary>
    public static readonly string[] Private = ["S 6.9175 E 107.6191", "Pixel 7a", "2026:12:07 09:15:00"];

    /// <summary>The picture's bytes (after the start of scan), which must come through untouched.</summary>
    public static readonly byte[] Scan = [0x12, 0x34, 0xFF, 0x00, 0x56, 0x78, 0x9A, 0xFF, 0xD9];

    /// <summary>A JPEG: JFIF, an Exif block (orientation, a GPS block, the camera), a comment, a quantisation table, the scan.</summary>
    public static byte[] Jpeg(ushort orientation = 6)
    {
        var gps = Encoding.ASCII.GetBytes(Private[0] + "\0");
        var camera = Encoding.ASCII.GetBytes(Private[1] + "\0");
        // Little-endian TIFF: IFD0 with orientation, Make (pointer to text) and the GPS IFD pointer (to text, for the test).
        var tiff = new List<byte> { (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, 3, 0 };
        var data = 8 + 2 + (3 * 12) + 4;
        tiff.AddRange(Entry(0x0112, 3, 1, orientation));
        tiff.AddRange(Entry(0x010F, 2, (uint)camera.Length, (uint)data));
        tiff.AddRange(Entry(0x8825, 4, 1, (uint)(data + camera.Length)));
        tiff.AddRange(new byte[4]);
        tiff.AddRange(camera);
        tiff.AddRange(gps);
        byte[] exif = [.. "Exif\0\0"u8, .. tiff];

        var photo = new List<byte> { 0xFF, 0xD8 };
        photo.AddRange(Segment(0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]));
        photo.AddRange(Segment(0xE1, exif));
        photo.AddRange(Segment(0xED, Encoding.ASCII.GetBytes("Photoshop 3.0\0" + Private[2])));
        photo.AddRange(Segment(0xFE, Encoding.ASCII.GetBytes("taken " + Private[2])));
        photo.AddRange(Segment(0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]));
        photo.AddRange(Segment(0xDA, [1, 1, 0, 0, 0x3F, 0]));
        photo.AddRange(Scan);
        return [.. photo];
    }

    /// <summary>A PNG: its header, a text chunk with the place, an eXIf chunk, the image data, the end.</summary>
    public static byte[] Png()
    {
        var png = new List<byte> { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
        png.AddRange(Chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]));
        png.AddRange(Chunk("tEXt", Encoding.ASCII.GetBytes("Location\0" + Private[0])));
        png.AddRange(Chunk("eXIf", Encoding.ASCII.GetBytes("MM\0*" + Private[1])));
        png.AddRange(Chunk("IDAT", Scan));
        png.AddRange(Chunk("IEND", []));
        return [.. png];
    }

    /// <summary>True when any of <see cref="Private"/> is in <paramref name="bytes"/>.</summary>
    public static bool CarriesPrivateData(byte[] bytes)
    {
        var text = Encoding.ASCII.GetString(bytes);
        return Private.Any(p => text.Contains(p, StringComparison.Ordinal));
    }

    private static byte[] Entry(ushort tag, ushort type, uint count, uint value)
    {
        var entry = new byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(entry, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(entry.AsSpan(2), type);
        BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(4), count);
        BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(8), value);
        return entry;
    }

    private static byte[] Segment(byte marker, byte[] body) => [0xFF, marker, (byte)((body.Length + 2) >> 8), (byte)(body.Length + 2), .. body];

    private static byte[] Chunk(string type, byte[] body)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)body.Length);
        return [.. length, .. Encoding.ASCII.GetBytes(type), .. body, 0, 0, 0, 0]; // the CRC is not checked here
    }
}
