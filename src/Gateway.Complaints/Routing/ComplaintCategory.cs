namespace Gateway.Complaints.Routing;

/// <summary>
/// A category a complainant picks, with its words in both languages. Routing rules (<c>Complaints:Rules</c>)
/// send categories to agencies; a city lists its own under <c>Complaints:Categories</c> or keeps the defaults.
/// </summary>
public sealed class ComplaintCategory
{
    public string Code { get; set; } = "";
    public string Id { get; set; } = "";
    public string En { get; set; } = "";

    /// <summary>Common categories of city complaints (after SP4N-LAPOR!'s), matching the demo city's rules.</summary>
    public static readonly IReadOnlyList<ComplaintCategory> Defaults =
    [
        New("adminduk", "Administrasi kependudukan (KTP, KK, akta)", "Civil registration (ID card, family card, certificates)"),
        New("perizinan", "Perizinan", "Permits"),
        New("lalu-lintas", "Lalu lintas", "Traffic"),
        New("parkir", "Parkir", "Parking"),
        New("jalan-rusak", "Jalan rusak", "Damaged roads"),
        New("penerangan-jalan", "Penerangan jalan", "Street lighting"),
        New("sampah", "Sampah dan kebersihan", "Waste and cleanliness"),
        New("banjir", "Banjir dan drainase", "Flooding and drainage"),
        New("bencana", "Bencana", "Disasters"),
        New("kesehatan", "Kesehatan dan rumah sakit", "Health and hospitals"),
        New("pajak", "Pajak daerah", "Local taxes"),
        New("bansos", "Bantuan sosial", "Social assistance"),
        New("lainnya", "Lainnya", "Something else"),
    ];

    private static ComplaintCategory New(string code, string id, string en) => new() { Code = code, Id = id, En = en };
}
