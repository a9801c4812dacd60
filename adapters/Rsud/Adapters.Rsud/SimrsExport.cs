using CsvHelper;
using Gateway.Adapters.Sdk.Calls;

namespace Adapters.Rsud;

/// <summary>One row of SIMRS's queue export.</summary>
public sealed record SimrsRow(string Number, string Reference, string Polyclinic, string VisitDate, string Status, string? Note);

/// <summary>
/// Reads SIMRS's export: semicolons, a header row, quoted notes, and a <c>TOTAL;n</c> trailer. A file cut
/// short (the trailer missing or not matching the rows) is refused rather than read as "fewer cases".
/// </summary>
public static class SimrsExport
{
    private static readonly CsvReaderOptions Format = new()
    {
        Separator = ';',
        HasHeader = true,
        TrimWhitespace = true,
    };

    public static IReadOnlyList<SimrsRow> Parse(string csv)
    {
        try
        {
            return ParseRows(csv);
        }
        catch (Exception ex) when (ex is CsvFormatException or CsvValidationException or ArgumentException)
        {
            throw new LegacyContractException($"SIMRS export is not readable CSV: {ex.Message}", ex);
        }
    }

    private static List<SimrsRow> ParseRows(string csv)
    {
        using var reader = CsvReader.FromText(csv, Format);
        var rows = new List<SimrsRow>();
        while (reader.Read())
        {
            if (reader.GetString(0) == "TOTAL")
            {
                var declared = reader.FieldCount > 1 ? reader.GetString(1) : "";
                return int.TryParse(declared, System.Globalization.CultureInfo.InvariantCulture, out var total) && total == rows.Count
                    ? rows
                    : throw new LegacyContractException($"SIMRS export says TOTAL;{declared} but has {rows.Count} rows");
            }

            rows.Add(new SimrsRow(
                Required(reader, "no_registrasi"), reader.GetString("no_referensi"), reader.GetString("poli"),
                reader.GetString("tgl_kunjungan"), Required(reader, "status"), NullIfEmpty(reader.GetString("keterangan"))));
        }

        throw new LegacyContractException("SIMRS export ends without its TOTAL line (cut short?)");
    }

    private static string Required(CsvReader reader, string column) =>
        reader.GetString(column) is { Length: > 0 } value
            ? value
            : throw new LegacyContractException($"SIMRS export: a row has no {column}");

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
