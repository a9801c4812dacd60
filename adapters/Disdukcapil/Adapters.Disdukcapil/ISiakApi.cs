using Refit;

namespace Adapters.Disdukcapil;

/// <summary>SIAK's application API (openapi/agencies/disdukcapil-siak.yaml). The API key is added by the SDK from configuration.</summary>
public interface ISiakApi
{
    /// <summary>Files an application; 201 new, 200 when <c>no_referensi</c> was filed before, 422 when SIAK refuses it.</summary>
    [Post("/api/v1/permohonan")]
    Task<IApiResponse<SiakPermohonan>> AjukanAsync([Body] SiakPengajuan pengajuan, CancellationToken cancellationToken);

    [Get("/api/v1/permohonan/{nomor}")]
    Task<SiakPermohonan> PermohonanAsync(string nomor, CancellationToken cancellationToken);

    /// <summary>Attaches a supporting document; SIAK checks the SHA-256 we send against what it received (422 when they differ).</summary>
    [Multipart]
    [Post("/api/v1/permohonan/{nomor}/berkas")]
    Task<SiakBerkas> UnggahBerkasAsync(string nomor, [AliasAs("berkas")] StreamPart berkas, [AliasAs("sha256")] string sha256, CancellationToken cancellationToken);

    /// <summary>All applications, a page at a time (at most 50 per page).</summary>
    [Get("/api/v1/permohonan")]
    Task<SiakHalaman> DaftarAsync([AliasAs("halaman")] int halaman, [AliasAs("per_halaman")] int perHalaman, CancellationToken cancellationToken);

    /// <summary>Whether a NIK belongs to a person of this name and date of birth (<c>cocok</c>); says nothing else about the resident.</summary>
    [Post("/api/v1/penduduk/verifikasi")]
    Task<SiakKecocokan> VerifikasiPendudukAsync([Body] SiakVerifikasiPenduduk verifikasi, CancellationToken cancellationToken);
}
