using Gateway.Platform.Localization;

namespace Gateway.Requests.Satisfaction;

/// <summary>One of the nine elements of the survey, with its question.</summary>
public sealed record IkmElement(string Code, BilingualText Name, BilingualText Question);

/// <summary>An IKM category: its letter, its band on the 25–100 scale, and what it means.</summary>
public sealed record IkmCategory(string Grade, double From, BilingualText Label);

/// <summary>
/// The community satisfaction index (Indeks Kepuasan Masyarakat) of PermenPANRB 14/2017: each element's
/// average score (NRR, 1–4) weighs equally (1/9); their weighted sum times 25 is the IKM (25–100), graded
/// A–D by the regulation's bands.
/// </summary>
public static class Ikm
{
    public static readonly IkmElement[] Elements =
    [
        new("U1", new("Persyaratan", "Requirements"),
            new("Bagaimana kesesuaian persyaratan pelayanan dengan jenis pelayanannya?", "How well did the requirements fit the service?")),
        new("U2", new("Sistem, mekanisme, dan prosedur", "System, mechanism and procedure"),
            new("Bagaimana kemudahan prosedur pelayanan?", "How easy was the procedure?")),
        new("U3", new("Waktu penyelesaian", "Completion time"),
            new("Bagaimana kecepatan waktu pelayanan?", "How fast was the service?")),
        new("U4", new("Biaya/tarif", "Cost"),
            new("Bagaimana kewajaran biaya/tarif pelayanan?", "How fair was the cost?")),
        new("U5", new("Produk spesifikasi jenis pelayanan", "Product"),
            new("Bagaimana kesesuaian hasil pelayanan dengan yang dijanjikan?", "How well did the result match what was promised?")),
        new("U6", new("Kompetensi pelaksana", "Staff competence"),
            new("Bagaimana kemampuan petugas dalam memberikan pelayanan?", "How capable were the staff?")),
        new("U7", new("Perilaku pelaksana", "Staff conduct"),
            new("Bagaimana kesopanan dan keramahan petugas?", "How courteous and friendly were the staff?")),
        new("U8", new("Penanganan pengaduan, saran, dan masukan", "Handling of complaints and suggestions"),
            new("Bagaimana penanganan pengaduan, saran, dan masukan?", "How were complaints and suggestions handled?")),
        new("U9", new("Sarana dan prasarana", "Facilities"),
            new("Bagaimana kualitas sarana dan prasarana pelayanan?", "How good were the facilities?")),
    ];

    /// <summary>Highest band first; the first whose lower bound the score reaches.</summary>
    public static readonly IkmCategory[] Categories =
    [
        new("A", 88.31, new("Sangat Baik", "Very good")),
        new("B", 76.61, new("Baik", "Good")),
        new("C", 65.00, new("Kurang Baik", "Fair")),
        new("D", 25.00, new("Tidak Baik", "Poor")),
    ];

    /// <summary>The IKM (25–100, two decimals) from the nine elements' average scores.</summary>
    public static double Score(IReadOnlyList<double> elementAverages)
    {
        if (elementAverages.Count != Elements.Length)
        {
            throw new ArgumentException($"The IKM needs the {Elements.Length} elements' averages.", nameof(elementAverages));
        }

        return Math.Round(elementAverages.Sum(nrr => nrr / Elements.Length) * 25, 2);
    }

    public static IkmCategory CategoryOf(double score) => Categories.FirstOrDefault(c => score >= c.From) ?? Categories[^1];
}
