using Gateway.Platform.Audit;
using Gateway.Platform.Localization;

namespace Gateway.Audit.Api;

/// <summary>The filters of the audit search and export, checked once; each one narrows the records.</summary>
internal sealed record AuditQuery(
    string? Actor, string? Action, string? TargetType, string? TargetId, string? DataSubject, DateTimeOffset? From, DateTimeOffset? To)
{
    private static readonly BilingualText FromAfterTo = new("'from' harus sebelum 'to'.", "'from' must be before 'to'.");

    public Dictionary<string, string[]> Errors()
    {
        var errors = new Dictionary<string, string[]>();
        if (From is { } from && To is { } to && from > to)
        {
            errors["from"] = [FromAfterTo.Localize()];
        }

        return errors;
    }

    public IQueryable<AuditRecord> Apply(IQueryable<AuditRecord> records)
    {
        if (Actor is not null)
        {
            records = records.Where(r => r.ActorSubject == Actor || r.OnBehalfOf == Actor);
        }

        if (Action is not null)
        {
            // "catalogue.agency" finds every agency action; a full name finds that action.
            var prefix = Action.EndsWith('.') ? Action : Action + ".";
            records = records.Where(r => r.Action == Action || r.Action.StartsWith(prefix));
        }

        if (TargetType is not null)
        {
            records = records.Where(r => r.TargetType == TargetType);
        }

        if (TargetId is not null)
        {
            records = records.Where(r => r.TargetId == TargetId);
        }

        if (DataSubject is not null)
        {
            records = records.Where(r => r.DataSubject == DataSubject);
        }

        if (From is { } from)
        {
            records = records.Where(r => r.OccurredAt >= from);
        }

        if (To is { } to)
        {
            records = records.Where(r => r.OccurredAt < to);
        }

        return records;
    }

    /// <summary>The filters as the audit record of a search or export states them.</summary>
    public object Described() => new { Actor, Action, TargetType, TargetId, DataSubject, From, To };
}
