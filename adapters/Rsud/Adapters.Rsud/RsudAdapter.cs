using System.Globalization;
using Gateway.Adapters.Sdk.Calls;
using Gateway.Adapters.Sdk.Contract;
using Gateway.Contracts.Adapters.V1;
using Gateway.Contracts.Events.V1;

namespace Adapters.Rsud;

/// <summary>
/// RSUD's hospital system (SIMRS). It has no status API and no duplicate check: statuses come from its
/// CSV export, and before registering, the adapter looks for our tracking number (sent as <c>ref</c>)
/// in the export so a repeated submit finds the first registration instead of booking twice.
/// </summary>
public sealed class RsudAdapter(ISimrsApi simrs) : ExportPollingAdapter
{
    public override StatusMap Statuses { get; } = StatusMap.Of(
        ("TERDAFTAR", ServiceRequestStatus.Verified),
        ("DIPANGGIL", ServiceRequestStatus.InProcess),
        ("DILAYANI", ServiceRequestStatus.InProcess),
        ("RUJUK_ULANG", ServiceRequestStatus.NeedsInformation),
        ("SELESAI", ServiceRequestStatus.Completed),
        ("TIDAK_HADIR", ServiceRequestStatus.Rejected),
        ("BATAL", ServiceRequestStatus.Rejected));

    public override async Task<AdapterReceipt> SubmitAsync(AdapterSubmission submission, CancellationToken cancellationToken)
    {
        var earlier = (await ReadRowsAsync(cancellationToken)).FirstOrDefault(r => r.Reference == submission.TrackingNumber);
        if (earlier is not null)
        {
            return new AdapterReceipt { ExternalReference = earlier.Number, LegacyStatus = earlier.Status, Note = earlier.Note };
        }

        var form = new Dictionary<string, string>
        {
            ["nik"] = submission.Applicant.Nik ?? "",
            ["nama"] = submission.Applicant.Name,
            ["poli"] = submission.Fields.GetValueOrDefault("poli", ""),
            ["tgl_kunjungan"] = VisitDate(submission.Fields.GetValueOrDefault("tanggal_kunjungan")),
            ["ref"] = submission.TrackingNumber,
        };
        var answer = (await LegacyCalls.RunAsync(() => simrs.DaftarAsync(form, cancellationToken), "SIMRS registration", cancellationToken)).Trim();
        var parts = answer.Split(';', 2);
        return parts switch
        {
            ["OK", { Length: > 0 } number] => new AdapterReceipt { ExternalReference = number, LegacyStatus = "TERDAFTAR" },
            ["GAGAL", var reason] => throw new LegacyRefusedException(reason),
            _ => throw new LegacyContractException($"SIMRS answered the registration form with '{Shorten(answer)}'"),
        };
    }

    protected override async Task<IReadOnlyList<LegacyStatusReport>> ReadExportAsync(CancellationToken cancellationToken) =>
        [.. (await ReadRowsAsync(cancellationToken)).Select(r => new LegacyStatusReport { ExternalReference = r.Number, LegacyStatus = r.Status, Note = r.Note })];

    private async Task<IReadOnlyList<SimrsRow>> ReadRowsAsync(CancellationToken cancellationToken)
    {
        var csv = await LegacyCalls.RunAsync(() => simrs.ExportAsync(cancellationToken), "SIMRS export", cancellationToken);
        return SimrsExport.Parse(csv);
    }

    /// <summary>Our forms send ISO dates (2026-11-30); SIMRS wants dd/MM/yyyy.</summary>
    private static string VisitDate(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : iso ?? "";

    private static string Shorten(string text) => text.Length > 120 ? text[..120] + "…" : text;
}
