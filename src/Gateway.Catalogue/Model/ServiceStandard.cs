namespace Gateway.Catalogue.Model;

/// <summary>
/// The published service standard (standar pelayanan) every public service must publish under
/// Law 25/2009 art. 21. Stored as one JSON document: it is read whole and never queried by part.
/// </summary>
public sealed record ServiceStandard
{
    /// <summary>Laws and regulations the service rests on, e.g. "Perpres 96/2018".</summary>
    public required IReadOnlyList<string> LegalBasis { get; init; }

    public required IReadOnlyList<LocalizedText> Requirements { get; init; }

    /// <summary>The steps, in order.</summary>
    public required IReadOnlyList<LocalizedText> Procedure { get; init; }

    /// <summary>Promised completion time in working days; 0 means the same day.</summary>
    public required int CompletionWorkingDays { get; init; }

    /// <summary>Tariff in rupiah; 0 means free of charge.</summary>
    public required decimal CostRupiah { get; init; }

    public LocalizedText? CostNote { get; init; }

    /// <summary>What the citizen receives, e.g. the birth certificate.</summary>
    public required LocalizedText Product { get; init; }

    /// <summary>Where to complain, e.g. SP4N-LAPOR! and the agency's complaint desk.</summary>
    public required LocalizedText ComplaintChannel { get; init; }
}
