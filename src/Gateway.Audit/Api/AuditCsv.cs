using System.Globalization;
using System.Text;
using Gateway.Platform.Audit;

namespace Gateway.Audit.Api;

/// <summary>
/// Audit records as CSV (RFC 4180) for an SPBE evaluator's spreadsheet. A value that a spreadsheet would run
/// as a formula (starting with =, +, - or @) is prefixed with an apostrophe: an actor cannot plant a formula.
/// </summary>
internal static class AuditCsv
{
    public const string Header =
        "id,sequence,occurred_at,actor_subject,actor_role,actor_agency,actor_client,actor_address,on_behalf_of,action,target_type,target_id,data_subject,recipient,trace_id,summary,hash";

    public static string Line(AuditRecord r)
    {
        var fields = new[]
        {
            r.Id.ToString(CultureInfo.InvariantCulture), r.Sequence?.ToString(CultureInfo.InvariantCulture),
            r.OccurredAt.ToString("O", CultureInfo.InvariantCulture), r.ActorSubject, r.ActorRole, r.ActorAgency, r.ActorClient,
            r.ActorAddress, r.OnBehalfOf, r.Action, r.TargetType, r.TargetId, r.DataSubject, r.Recipient, r.TraceId, r.Summary, r.Hash,
        };
        return string.Join(',', fields.Select(Field));
    }

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
