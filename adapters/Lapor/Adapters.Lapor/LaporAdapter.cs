using System.Net;
using System.Text.Json;
using Gateway.Adapters.Sdk.Calls;
using Gateway.Adapters.Sdk.Contract;
using Gateway.Contracts.Adapters.V1;
using Gateway.Contracts.Events.V1;
using Refit;

namespace Adapters.Lapor;

/// <summary>
/// SP4N-LAPOR! for complaints that must go through the national channel. LAPOR! decides from the
/// category which agency handles the report; the citizen is told which one (in the status note) as soon
/// as it is forwarded. A repeated report (same <c>ref_eksternal</c> = our tracking number) is answered
/// 409 with the first report's id, which the adapter takes as the case.
/// </summary>
public sealed class LaporAdapter(ILaporApi lapor) : ServiceAdapter
{
    public override StatusMap Statuses { get; } = StatusMap.Of(
        ("Menunggu Verifikasi", ServiceRequestStatus.Submitted),
        ("Terverifikasi", ServiceRequestStatus.Verified),
        ("Diteruskan ke Instansi", ServiceRequestStatus.InProcess),
        ("Ditindaklanjuti", ServiceRequestStatus.InProcess),
        ("Perlu Klarifikasi", ServiceRequestStatus.NeedsInformation),
        ("Selesai", ServiceRequestStatus.Completed),
        ("Ditolak", ServiceRequestStatus.Rejected),
        ("Diarsipkan", ServiceRequestStatus.Rejected));

    public override async Task<AdapterReceipt> SubmitAsync(AdapterSubmission submission, CancellationToken cancellationToken)
    {
        var fields = submission.Fields;
        var laporan = new LaporanBaru(
            fields.GetValueOrDefault("judul", ""),
            fields.GetValueOrDefault("isi", ""),
            fields.GetValueOrDefault("kategori", ""),
            fields.GetValueOrDefault("lokasi"),
            submission.TrackingNumber,
            new LaporPelapor(submission.Applicant.Nik, submission.Applicant.Name, submission.Applicant.Phone ?? submission.Applicant.Email));
        var response = await LegacyCalls.RunAsync(() => lapor.LaporAsync(laporan, cancellationToken), "LAPOR! report", cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Created or HttpStatusCode.OK:
                var created = Understood(response.Content);
                return new AdapterReceipt { ExternalReference = created.ExternalReference, LegacyStatus = created.LegacyStatus, Note = created.Note };
            case HttpStatusCode.Conflict when Message(response.Error)?.TrackingId is { Length: > 0 } existing:
                var first = await FetchStatusAsync(existing, cancellationToken);
                return new AdapterReceipt { ExternalReference = first.ExternalReference, LegacyStatus = first.LegacyStatus, Note = first.Note };
            case HttpStatusCode.UnprocessableEntity:
                throw new LegacyRefusedException(Message(response.Error)?.Pesan ?? "LAPOR! menolak laporan");
            default:
                throw LegacyCalls.Classify(response.Error!, "LAPOR! report") ?? response.Error!;
        }
    }

    public override async Task<LegacyStatusReport> FetchStatusAsync(string externalReference, CancellationToken cancellationToken) =>
        Understood(await LegacyCalls.RunAsync(() => lapor.LaporanAsync(externalReference, cancellationToken), "LAPOR! status", cancellationToken));

    /// <summary>The note says where LAPOR! sent it, then its latest follow-up.</summary>
    private static LegacyStatusReport Understood(Laporan? laporan)
    {
        if (laporan is not { TrackingId: { Length: > 0 } id, Status: { Length: > 0 } status })
        {
            throw new LegacyContractException("LAPOR! answered without tracking_id or status");
        }

        var forwarded = laporan.InstansiTujuan?.Nama is { Length: > 0 } agency ? $"Diteruskan ke {agency}" : null;
        var latest = laporan.TindakLanjut?.OrderBy(t => t.Tanggal).LastOrDefault()?.Isi;
        var note = string.Join(". ", new[] { forwarded, latest }.Where(n => !string.IsNullOrWhiteSpace(n)));
        return new LegacyStatusReport { ExternalReference = id, LegacyStatus = status, Note = note.Length == 0 ? null : note };
    }

    private static LaporPesan? Message(ApiExceptionBase? error)
    {
        try
        {
            return (error as ApiException)?.Content is { } json ? JsonSerializer.Deserialize(json, LaporJson.Default.LaporPesan) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
