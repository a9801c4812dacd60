using Gateway.Catalogue.Model;

namespace Gateway.Catalogue.Tests;

/// <summary>Catalogue entities for tests that need no database.</summary>
internal static class Samples
{
    public static readonly Agency Disdukcapil = Agency("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "Civil Registration Office");
    public static readonly Agency Dpmptsp = Agency("dpmptsp", "Dinas Penanaman Modal dan PTSP", "Investment and Licensing Office");

    public static Agency Agency(string code, string nameId, string nameEn) => new()
    {
        Code = code,
        Name = new(nameId, nameEn),
        Description = new("-"),
        Contact = new(null, null, null, null),
    };

    public static Service Service(string slug, Agency agency, string nameId, string nameEn, string category, string descriptionId = "-", string descriptionEn = "-", Exposure? exposure = null) => new()
    {
        Slug = slug,
        AgencyId = agency.Id,
        Agency = agency,
        Name = new(nameId, nameEn),
        Description = new(descriptionId, descriptionEn),
        Category = category,
        Standard = new ServiceStandard
        {
            LegalBasis = ["-"],
            Requirements = [],
            Procedure = [new("Ajukan", "Apply")],
            CompletionWorkingDays = 1,
            CostRupiah = 0,
            Product = new("Dokumen", "Document"),
            ComplaintChannel = new("SP4N-LAPOR!"),
        },
        Exposure = exposure,
    };

    public static Exposure Exposure(string prefix, params string[] destinations) => new()
    {
        PathPrefix = prefix,
        Methods = ["GET", "HEAD"],
        Destinations = [.. destinations],
        HealthCheckPath = "/health",
        TimeoutSeconds = 12,
        Access = AccessRule.Public,
        UpstreamAuth = UpstreamAuth.None,
    };
}
