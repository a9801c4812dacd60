using System.Globalization;
using Gateway.Requests.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Requests.Submitting;

/// <summary>
/// Readable, gap-free tracking numbers per agency and year (<c>BDG-DPMPTSP-2026-000123</c>). The serial
/// is taken with one atomic upsert inside the submitting transaction, so a failed submit gives its
/// number back and two replicas never hand out the same one.
/// </summary>
internal static class TrackingNumbers
{
    public static async Task<string> NextAsync(RequestsDbContext db, string cityCode, string agencyCode, int year, CancellationToken cancellationToken)
    {
        // INSERT … ON CONFLICT … RETURNING is the same statement on SQLite (3.35+) and PostgreSQL.
        var serial = await db.Database.SqlQuery<int>($"""
            INSERT INTO service_request_counters (agency_code, year, last) VALUES ({agencyCode}, {year}, 1)
            ON CONFLICT (agency_code, year) DO UPDATE SET last = service_request_counters.last + 1
            RETURNING last AS "Value"
            """).ToListAsync(cancellationToken);
        return Format(cityCode, agencyCode, year, serial.Single());
    }

    public static string Format(string cityCode, string agencyCode, int year, int serial) =>
        string.Create(CultureInfo.InvariantCulture, $"{cityCode}-{agencyCode.ToUpperInvariant()}-{year}-{serial:D6}");
}
