using System.Diagnostics;
using System.Security.Claims;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Platform.Audit;

/// <summary>
/// Adds an audit record to the DbContext about to be saved, with the actor taken from the current request
/// (subject, role, agency, client, address, trace id); outside a request the actor is <c>system</c>.
/// The record commits or rolls back with the change.
/// </summary>
public sealed class AuditTrail(IHttpContextAccessor http, TimeProvider time)
{
    public const string SystemActor = "system";

    public void Record(DbContext db, AuditEntry entry)
    {
        var context = http.HttpContext;
        var user = context?.User;
        db.Set<AuditRecord>().Add(new AuditRecord
        {
            OccurredAt = time.GetUtcNow(),
            ActorSubject = Subject(user) ?? SystemActor,
            ActorRole = Truncate(user?.FindFirst("role")?.Value ?? user?.FindFirst(ClaimTypes.Role)?.Value, 40),
            ActorAgency = Truncate(user?.FindFirst(GatewayClaims.Agency)?.Value, 40),
            ActorClient = Truncate(user?.FindFirst("client_id")?.Value ?? user?.FindFirst("azp")?.Value, 100),
            ActorAddress = context?.Connection.RemoteIpAddress?.ToString(),
            OnBehalfOf = entry.OnBehalfOf,
            Action = entry.Action,
            TargetType = entry.TargetType,
            TargetId = Truncate(entry.TargetId, 200)!,
            Summary = entry.Summary,
            DataSubject = entry.DataSubject,
            Recipient = entry.Recipient,
            TraceId = Activity.Current?.TraceId.ToHexString(),
        });
    }

    private static string? Subject(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
            ? Truncate(user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.Identity.Name, 200)
            : null;

    private static string? Truncate(string? value, int length) => value is { Length: var n } && n > length ? value[..length] : value;
}

/// <summary>What an audit record says beyond its actor; <see cref="Summary"/> is JSON (see <see cref="AuditSummary"/>).</summary>
public sealed record AuditEntry(string Action, string TargetType, string TargetId, string? Summary = null)
{
    public string? DataSubject { get; init; }

    public string? Recipient { get; init; }

    public string? OnBehalfOf { get; init; }
}
