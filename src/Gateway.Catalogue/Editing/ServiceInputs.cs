using Gateway.Catalogue.Model;

namespace Gateway.Catalogue.Editing;

/// <summary>Validated service input onto the entity; shared by the single-service editor and the bulk import.</summary>
internal static class ServiceInputs
{
    public static Service NewService(ServiceInput input, Agency agency, DateTimeOffset now)
    {
        var service = new Service
        {
            Slug = input.Slug!,
            Name = input.Name!,
            Description = input.Description!,
            Category = input.Category!,
            Standard = ToStandard(input.Standard!),
            CreatedAt = now,
        };
        Apply(service, input, agency, now);
        return service;
    }

    /// <summary>Everything but the slug, the exposure and the version.</summary>
    public static void Apply(Service service, ServiceInput input, Agency agency, DateTimeOffset now)
    {
        service.Name = input.Name!;
        service.Description = input.Description!;
        service.Category = input.Category!;
        service.Standard = ToStandard(input.Standard!);
        service.RequestForm = input.RequestForm is { ValueKind: not System.Text.Json.JsonValueKind.Null } form ? form.GetRawText() : null;
        service.AgencyId = agency.Id;
        service.Agency = agency;
        service.Channel = input.Channel!.Value;
        service.CitizenAssurance = input.CitizenAssurance ?? CitizenAssurance.Any;
        service.UpdatedAt = now;
    }

    private static ServiceStandard ToStandard(StandardInput s) => new()
    {
        LegalBasis = [.. s.LegalBasis!],
        Requirements = [.. s.Requirements!],
        Procedure = [.. s.Procedure!],
        CompletionWorkingDays = s.CompletionWorkingDays!.Value,
        CostRupiah = s.CostRupiah!.Value,
        CostNote = s.CostNote,
        Product = s.Product!,
        ComplaintChannel = s.ComplaintChannel!,
    };
}
