using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gateway.Platform.Audit;

namespace Gateway.Audit.Chain;

/// <summary>
/// The hash that chains a record to the one before: SHA-256 over its position, the previous hash and every
/// field of its content, as a JSON array (fixed order, so the same record always gives the same hash).
/// Times count in milliseconds, which both SQLite and PostgreSQL store exactly.
/// </summary>
internal static class AuditHash
{
    /// <summary>What the first record of a chain points back to.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Of(AuditRecord record)
    {
        var content = JsonSerializer.Serialize(new object?[]
        {
            record.Sequence, record.PreviousHash, record.Id,
            record.OccurredAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            record.ActorSubject, record.ActorRole, record.ActorAgency, record.ActorClient, record.ActorAddress, record.OnBehalfOf,
            record.Action, record.TargetType, record.TargetId, record.Summary, record.DataSubject, record.Recipient, record.TraceId,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }
}
