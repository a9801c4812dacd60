namespace Gateway.Catalogue.Model;

/// <summary>
/// The catalogue's fixed categories, so that filters and the portal's menu stay consistent across
/// agencies. Adding one is a code change on purpose: it changes what citizens browse.
/// </summary>
public static class Categories
{
    public static readonly IReadOnlyList<Category> All =
    [
        new("kependudukan", new("Kependudukan", "Civil registration")),
        new("perizinan", new("Perizinan", "Permits and licensing")),
        new("kesehatan", new("Kesehatan", "Health")),
        new("transportasi", new("Transportasi", "Transport")),
        new("pajak-daerah", new("Pajak daerah", "Local taxes")),
        new("kebencanaan", new("Kebencanaan", "Disaster management")),
        new("sosial", new("Sosial", "Social welfare")),
        new("pendidikan", new("Pendidikan", "Education")),
        new("ketertiban", new("Ketertiban umum", "Public order")),
        new("pengaduan", new("Pengaduan", "Complaints")),
        new("informasi", new("Informasi publik", "Public information")),
    ];

    private static readonly Dictionary<string, Category> ByCode = All.ToDictionary(c => c.Code);

    public static bool Exists(string? code) => code is not null && ByCode.ContainsKey(code);

    public static Category Get(string code) => ByCode[code];
}

public sealed record Category(string Code, LocalizedText Label);
