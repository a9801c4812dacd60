using System.Collections.Concurrent;
using System.Globalization;

namespace Adapters.Disdukcapil.LegacyApp;

/// <summary>
/// The sample SIAK's residents (fictional): enough for the resident check. The demo city's citizen and
/// a few people a visitor can register as are here from the start; tests add their own through
/// <c>POST /_sample/penduduk</c>.
/// </summary>
public sealed class SiakResidents
{
    private readonly ConcurrentDictionary<string, (string Name, DateOnly Born)> _byNik = new(StringComparer.Ordinal);

    public SiakResidents()
    {
        foreach (var (nik, name, born) in Demo)
        {
            Add(nik, name, born);
        }
    }

    /// <summary>Fictional residents of Kota Bandung, for the demo (README: "verify a NIK online").</summary>
    public static readonly IReadOnlyList<(string Nik, string Name, DateOnly Born)> Demo =
    [
        ("3273015708900001", "Siti Rahmawati", new DateOnly(1990, 8, 17)),
        ("3273024505920002", "Dewi Lestari", new DateOnly(1992, 5, 5)),
        ("3273031203880003", "Agus Setiawan", new DateOnly(1988, 3, 12)),
    ];

    public void Add(string nik, string name, DateOnly born) => _byNik[nik] = (name, born);

    /// <summary>True when the NIK is on file with this name (any case, any spacing) and birth date.</summary>
    public bool Matches(string nik, string name, string bornDdMmYyyy) =>
        _byNik.TryGetValue(nik, out var resident)
        && string.Equals(Normalize(resident.Name), Normalize(name), StringComparison.OrdinalIgnoreCase)
        && DateOnly.TryParseExact(bornDdMmYyyy, "dd-MM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born)
        && born == resident.Born;

    private static string Normalize(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>What the resident check takes.</summary>
public sealed record SiakVerifikasiPenduduk(
    [property: System.Text.Json.Serialization.JsonPropertyName("nik")] string? Nik,
    [property: System.Text.Json.Serialization.JsonPropertyName("nama_lengkap")] string? NamaLengkap,
    [property: System.Text.Json.Serialization.JsonPropertyName("tgl_lahir")] string? TglLahir);

/// <summary>A resident to put on file (sample control only).</summary>
public sealed record SiakPenduduk(
    [property: System.Text.Json.Serialization.JsonPropertyName("nik")] string Nik,
    [property: System.Text.Json.Serialization.JsonPropertyName("nama_lengkap")] string NamaLengkap,
    [property: System.Text.Json.Serialization.JsonPropertyName("tgl_lahir")] string TglLahir);
