namespace Gateway.Contracts.Adapters.V1;

/// <summary>Who applied, as the single sign-on knows them. The NIK is present only for signed-in citizens.</summary>
public sealed record Applicant
{
    public required Guid CitizenId { get; init; }
    public string? Nik { get; init; }
    public required string Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
}
