using Gateway.Platform.Audit;

namespace Gateway.Audit.Api;

/// <summary>One audit record as administrators read it.</summary>
public sealed record AuditRecordView(
    long Id,
    long? Sequence,
    DateTimeOffset OccurredAt,
    AuditActorView Actor,
    string Action,
    string TargetType,
    string TargetId,
    System.Text.Json.JsonElement? Summary,
    string? DataSubject,
    string? Recipient,
    string? TraceId,
    string? Hash);

/// <summary>Who acted: subject, role, agency, client app, address, and the citizen an officer acted for at a counter.</summary>
public sealed record AuditActorView(string Subject, string? Role, string? Agency, string? Client, string? Address, string? OnBehalfOf);

/// <summary>A page of audit records, newest first.</summary>
public sealed record AuditPage(int Page, int PageSize, int Total, IReadOnlyList<AuditRecordView> Items);

/// <summary>A day's chain head: the last position sealed that day and its hash.</summary>
public sealed record AuditHeadView(DateOnly Day, long LastSequence, string Hash, int Records);

internal static class AuditViewMapping
{
    public static AuditRecordView ToView(this AuditRecord r) => new(
        r.Id,
        r.Sequence,
        r.OccurredAt,
        new AuditActorView(r.ActorSubject, r.ActorRole, r.ActorAgency, r.ActorClient, r.ActorAddress, r.OnBehalfOf),
        r.Action,
        r.TargetType,
        r.TargetId,
        r.Summary is null ? null : System.Text.Json.JsonDocument.Parse(r.Summary).RootElement.Clone(),
        r.DataSubject,
        r.Recipient,
        r.TraceId,
        r.Hash);
}
