using Gateway.Identity.Persistence;
using Gateway.Platform.Audit;
using Gateway.Platform.Localization;
using Gateway.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Identity.DataAccess;

/// <summary>
/// What a resident may see of the audit trail (UU PDP 27/2022): every record whose data subject they are,
/// or in which an officer acted for them at a counter — who (an agency's officer, an administrator, an
/// app, the gateway itself), what was done with their data, about which request, when. Newest first.
/// </summary>
public sealed class DataAccessLog(IdentityStoreDbContext db)
{
    public const int MaxEntries = 200;

    private static readonly Dictionary<string, BilingualText> Actions = new(StringComparer.Ordinal)
    {
        ["proxy.identity.forwarded"] = new("Menerima identitas Anda saat Anda memakai layanannya", "Received your identity when you used its service"),
        ["requests.request.read"] = new("Membaca permohonan Anda: NIK, nama, dan isian formulir", "Read your request: NIK, name and form answers"),
        ["requests.request.status-changed"] = new("Mengubah status permohonan Anda", "Changed your request's status"),
        ["identity.account.read"] = new("Melihat akun Anda: nama, kontak, NIK tersamar", "Viewed your account: name, contacts, masked NIK"),
        ["identity.account.created"] = new("Membuat akun Anda di loket", "Created your account at a counter"),
        ["identity.account.disabled"] = new("Menonaktifkan akun Anda", "Disabled your account"),
        ["identity.account.enabled"] = new("Mengaktifkan kembali akun Anda", "Enabled your account again"),
        ["identity.account.signed-out"] = new("Mengakhiri semua sesi Anda", "Ended all your sessions"),
        ["identity.nik.verified"] = new("Memverifikasi NIK Anda", "Verified your NIK"),
        ["identity.token.nik-issued"] = new("Menerima NIK Anda saat Anda masuk ke aplikasinya", "Received your NIK when you signed in to its app"),
        ["requests.request.sent"] = new("Menerima permohonan Anda: NIK, nama, kontak, dan isian formulir", "Received your request: NIK, name, contacts and form answers"),
        ["messaging.webhook.delivered"] = new("Menerima pemberitahuan yang memuat data Anda", "Received a notification carrying your data"),
        ["messaging.event.queued"] = new("Menerima pemberitahuan yang memuat data Anda", "Received a notification carrying your data"),
        ["complaints.complaint.read"] = new("Membaca pengaduan Anda", "Read your complaint"),
        ["complaints.complaint.photo-viewed"] = new("Melihat foto pengaduan Anda", "Viewed your complaint's photo"),
        ["complaints.complaint.answered"] = new("Menjawab pengaduan Anda", "Answered your complaint"),
        ["complaints.complaint.assigned"] = new("Meneruskan pengaduan Anda ke instansi yang harus menjawabnya", "Passed your complaint to the agency that must answer it"),
    };

    public async Task<IReadOnlyList<DataAccessEntry>> ForAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var subject = accountId.ToString();
        var records = await db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.DataSubject == subject || r.OnBehalfOf == subject)
            .OrderByDescending(r => r.Id)
            .Take(MaxEntries)
            .ToListAsync(cancellationToken);
        return [.. records.Select(Describe)];
    }

    private static DataAccessEntry Describe(AuditRecord r) => new(
        r.OccurredAt,
        Who(r).Localize(),
        r.ActorAgency ?? r.Recipient,
        r.Action,
        (Actions.TryGetValue(r.Action, out var text) ? text : new BilingualText(r.Action, r.Action)).Localize(),
        r.TargetType == "request" ? r.TargetId : null,
        r.TargetType == "service" ? r.TargetId : null,
        r.Recipient,
        r.OnBehalfOf is not null);

    private static BilingualText Who(AuditRecord r) => r.Action switch
    {
        // The proxy handed the agency's app the resident's identity (with the NIK where the agency may see it).
        "proxy.identity.forwarded" => new($"Aplikasi {r.Recipient?.ToUpperInvariant()}", $"The {r.Recipient?.ToUpperInvariant()} app"),
        // A client app got a token with the NIK in it.
        "identity.token.nik-issued" => new($"Aplikasi {r.Recipient}", $"The app {r.Recipient}"),
        // The gateway sent it on to the agency's own system (the request through its adapter, an event by webhook).
        "requests.request.sent" or "messaging.webhook.delivered" or "messaging.event.queued" => new($"Sistem {r.Recipient?.ToUpperInvariant()}", $"The {r.Recipient?.ToUpperInvariant()} system"),
        _ => WhoActed(r),
    };

    private static BilingualText WhoActed(AuditRecord r) => r.ActorRole switch
    {
        Roles.Officer => new($"Petugas {r.ActorAgency?.ToUpperInvariant()}", $"An officer of {r.ActorAgency?.ToUpperInvariant()}"),
        Roles.Admin => new("Administrator Diskominfo", "A Diskominfo administrator"),
        _ when r.ActorSubject == r.DataSubject && r.OnBehalfOf is null => new("Anda sendiri", "You"),
        _ when r.ActorSubject == AuditTrail.SystemActor => new("Sistem SatuPintu", "The SatuPintu system"),
        _ when r.ActorClient is not null => new($"Aplikasi {r.ActorClient}", $"The app {r.ActorClient}"),
        _ => new("Pengguna lain", "Another user"),
    };
}

/// <summary>One use of a resident's data, in their language; <see cref="Action"/> is the audit trail's name for it.</summary>
public sealed record DataAccessEntry(
    DateTimeOffset At, string Who, string? Agency, string Action, string What, string? TrackingNumber, string? Service, string? Recipient, bool AtCounter);
