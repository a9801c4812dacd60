using System.ComponentModel.DataAnnotations;

namespace Gateway.Requests;

/// <summary>Settings under <c>Requests</c>.</summary>
public sealed class RequestOptions
{
    public const string Section = "Requests";

    /// <summary>First part of every tracking number, e.g. <c>BDG</c> for Bandung.</summary>
    [Required]
    [RegularExpression("^[A-Z]{2,6}$")]
    public string CityCode { get; set; } = "BDG";

    /// <summary>How often requests the agency's system has not accepted yet are tried again (the bus tries first).</summary>
    [Range(1, 3600)]
    public int DispatchSweepSeconds { get; set; } = 10;

    /// <summary>Longest wait between two tries of one request, however long its agency's app has been down.</summary>
    [Range(10, 86_400)]
    public int MaxRetryDelaySeconds { get; set; } = 600;

    /// <summary>How often deadlines are checked for overdue requests.</summary>
    [Range(1, 3600)]
    public int OverdueCheckSeconds { get; set; } = 60;

    /// <summary>How often the open requests of each adapter service (registered in the catalogue) are asked for their status.</summary>
    [Range(1, 86_400)]
    public int AdapterServicePollSeconds { get; set; } = 60;

    /// <summary>
    /// The catalogue service (its slug) whose adapter service answers the civil registry's NIK check, e.g. the
    /// Disdukcapil adapter's. Unset: the NIK page offers no check (a NIK stays self-declared).
    /// </summary>
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Requests:CivilRegistryService is a catalogue service slug, e.g. nik-siak")]
    public string? CivilRegistryService { get; set; }

    public DocumentLimits Documents { get; set; } = new();
}

public sealed class DocumentLimits
{
    /// <summary>Where uploaded documents are kept; relative to the data folder. Replicas must share it (a ReadWriteMany volume).</summary>
    public string Folder { get; set; } = "documents";

    [Range(1, 100 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    [Range(1, 50)]
    public int MaxPerRequest { get; set; } = 10;

    /// <summary>Content types accepted, checked against the file's first bytes too.</summary>
    public List<string> ContentTypes { get; set; } = ["application/pdf", "image/jpeg", "image/png"];
}
