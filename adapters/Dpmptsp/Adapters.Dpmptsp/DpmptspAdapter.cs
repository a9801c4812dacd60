using Gateway.Adapters.Sdk.Calls;
using Gateway.Adapters.Sdk.Contract;
using Gateway.Contracts.Adapters.V1;
using Gateway.Contracts.Events.V1;

namespace Adapters.Dpmptsp;

/// <summary>
/// DPMPTSP's licensing system (SIMPERIZINAN, SOAP). Our tracking number is its <c>NomorReferensi</c>, so
/// a repeated submit returns the first registration. A refusal arrives as <c>Berhasil=false</c> with a
/// reason (e.g. no NIB in OSS), which the citizen is told.
/// </summary>
public sealed class DpmptspAdapter(ISimperizinanApi simperizinan) : ServiceAdapter
{
    public override StatusMap Statuses { get; } = StatusMap.Of(
        ("DITERIMA", ServiceRequestStatus.Submitted),
        ("VERIFIKASI_BERKAS", ServiceRequestStatus.Verified),
        ("SURVEI_LAPANGAN", ServiceRequestStatus.InProcess),
        ("PROSES_TEKNIS", ServiceRequestStatus.InProcess),
        ("PERBAIKAN", ServiceRequestStatus.NeedsInformation),
        ("TERBIT", ServiceRequestStatus.Completed),
        ("DITOLAK", ServiceRequestStatus.Rejected));

    public override async Task<AdapterReceipt> SubmitAsync(AdapterSubmission submission, CancellationToken cancellationToken)
    {
        var request = new AjukanIzin
        {
            Pengajuan = new PengajuanIzin
            {
                NomorReferensi = submission.TrackingNumber,
                JenisIzin = submission.ServiceSlug,
                NikPemohon = submission.Applicant.Nik,
                NamaPemohon = submission.Applicant.Name,
                Nib = submission.Fields.GetValueOrDefault("nib"),
                LokasiUsaha = submission.Fields.GetValueOrDefault("lokasi_usaha"),
                Keterangan = string.Join("; ", submission.Fields.Where(f => f.Key is not ("nib" or "lokasi_usaha")).Select(f => $"{f.Key}={f.Value}")),
            },
        };
        var response = await LegacyCalls.RunAsync(() => simperizinan.AjukanIzinAsync(request, cancellationToken), "SIMPERIZINAN AjukanIzin", cancellationToken);
        var hasil = response.Result ?? throw new LegacyContractException("SIMPERIZINAN answered AjukanIzin without a result");
        if (!hasil.Berhasil)
        {
            throw new LegacyRefusedException(hasil.Pesan ?? "SIMPERIZINAN menolak permohonan");
        }

        return hasil is { NomorRegistrasi: { Length: > 0 } nomor, Status: { Length: > 0 } status }
            ? new AdapterReceipt { ExternalReference = nomor, LegacyStatus = status }
            : throw new LegacyContractException("SIMPERIZINAN accepted the application without NomorRegistrasi or Status");
    }

    public override async Task<LegacyStatusReport> FetchStatusAsync(string externalReference, CancellationToken cancellationToken)
    {
        var response = await LegacyCalls.RunAsync(
            () => simperizinan.CekStatusAsync(new CekStatus { NomorRegistrasi = externalReference }, cancellationToken), "SIMPERIZINAN CekStatus", cancellationToken);
        return response.Result is { Status: { Length: > 0 } status } result
            ? new LegacyStatusReport { ExternalReference = result.NomorRegistrasi ?? externalReference, LegacyStatus = status, Note = result.Catatan }
            : throw new LegacyContractException("SIMPERIZINAN answered CekStatus without a status");
    }
}
