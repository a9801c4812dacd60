using System.Globalization;
using System.Net;
using System.Text.Json;
using Gateway.Adapters.Sdk.Calls;
using Gateway.Adapters.Sdk.Contract;
using Gateway.Contracts.Adapters.V1;
using Gateway.Contracts.Events.V1;

namespace Adapters.Disdukcapil;

/// <summary>
/// Disdukcapil's civil registry (SIAK). Our tracking number goes to SIAK as <c>no_referensi</c>, so a
/// repeated submit finds the first application. Statuses are polled page by page from SIAK's list
/// (one call per 50 cases instead of one per case, which SIAK's rate limit would punish).
/// </summary>
public sealed class DisdukcapilAdapter(ISiakApi siak) : ServiceAdapter, IDocumentAdapter
{
    public const int PageSize = 50;

    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public override StatusMap Statuses { get; } = StatusMap.Of(
        ("BARU", ServiceRequestStatus.Submitted),
        ("VERIFIKASI", ServiceRequestStatus.Verified),
        ("PROSES", ServiceRequestStatus.InProcess),
        ("BERKAS_KURANG", ServiceRequestStatus.NeedsInformation),
        ("SELESAI", ServiceRequestStatus.Completed),
        ("DITOLAK", ServiceRequestStatus.Rejected));

    public override async Task<AdapterReceipt> SubmitAsync(AdapterSubmission submission, CancellationToken cancellationToken)
    {
        var pengajuan = new SiakPengajuan(
            submission.TrackingNumber,
            submission.ServiceSlug,
            submission.Applicant.Nik,
            submission.Applicant.Name,
            submission.SubmittedAt.ToOffset(Wib).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
            submission.Fields);
        var response = await LegacyCalls.RunAsync(() => siak.AjukanAsync(pengajuan, cancellationToken), "SIAK submit", cancellationToken);
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
        {
            throw new LegacyRefusedException(MessageOf((response.Error as Refit.ApiException)?.Content) ?? "SIAK menolak permohonan");
        }

        if (!response.IsSuccessful)
        {
            throw LegacyCalls.Classify(response.Error!, "SIAK submit") ?? response.Error!;
        }

        return ToReceipt(response.Content);
    }

    public override async Task<LegacyStatusReport> FetchStatusAsync(string externalReference, CancellationToken cancellationToken)
    {
        var permohonan = await LegacyCalls.RunAsync(() => siak.PermohonanAsync(externalReference, cancellationToken), "SIAK status", cancellationToken);
        var receipt = ToReceipt(permohonan);
        return new LegacyStatusReport { ExternalReference = receipt.ExternalReference, LegacyStatus = receipt.LegacyStatus, Note = receipt.Note };
    }

    public override async Task<IReadOnlyList<LegacyStatusReport>> FetchStatusesAsync(IReadOnlyCollection<string> externalReferences, CancellationToken cancellationToken)
    {
        var wanted = externalReferences.ToHashSet(StringComparer.Ordinal);
        var reports = new List<LegacyStatusReport>();
        for (var page = 1; ; page++)
        {
            var current = page;
            var halaman = await LegacyCalls.RunAsync(() => siak.DaftarAsync(current, PageSize, cancellationToken), "SIAK list", cancellationToken);
            foreach (var permohonan in halaman.Data ?? [])
            {
                if (permohonan.NoPermohonan is { } nomor && wanted.Contains(nomor))
                {
                    reports.Add(new LegacyStatusReport { ExternalReference = nomor, LegacyStatus = permohonan.StatusPermohonan ?? "", Note = permohonan.Keterangan });
                }
            }

            if (halaman.Halaman >= halaman.TotalHalaman || reports.Count == wanted.Count)
            {
                return reports;
            }
        }
    }

    public IReadOnlySet<string> AcceptedContentTypes { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "application/pdf", "image/jpeg", "image/png" };

    /// <summary>SIAK refuses attachments over 2 MB.</summary>
    public long MaxDocumentBytes => 2 * 1024 * 1024;

    public async Task AttachDocumentAsync(string externalReference, AdapterDocument document, Stream content, CancellationToken cancellationToken)
    {
        var part = new Refit.StreamPart(content, document.FileName, document.ContentType);
        var berkas = await LegacyCalls.RunAsync(() => siak.UnggahBerkasAsync(externalReference, part, document.Sha256, cancellationToken), "SIAK attachment", cancellationToken);
        if (string.IsNullOrEmpty(berkas.NoBerkas))
        {
            throw new LegacyContractException("SIAK accepted the attachment without no_berkas");
        }
    }

    private static AdapterReceipt ToReceipt(SiakPermohonan? permohonan) =>
        permohonan is { NoPermohonan: { Length: > 0 } nomor, StatusPermohonan: { Length: > 0 } status }
            ? new AdapterReceipt { ExternalReference = nomor, LegacyStatus = status, Note = permohonan.Keterangan }
            : throw new LegacyContractException("SIAK answered without no_permohonan or status_permohonan");

    private static string? MessageOf(string? json)
    {
        try
        {
            return json is null ? null : JsonSerializer.Deserialize(json, SiakJson.Default.SiakPesan)?.Pesan;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
