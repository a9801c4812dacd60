using Gateway.Catalogue.Model;
using Gateway.Platform.Catalogue;

namespace Gateway.Catalogue.PublicApi;

// What citizens and portals read: one language per response (Indonesian unless ?lang=en or
// Accept-Language: en asks otherwise), live status, nothing about upstreams.

public sealed record ServicePage(int Total, int Page, int PageSize, IReadOnlyList<ServiceSummary> Items);

public sealed record ServiceSummary(
    string Slug,
    string Name,
    string Description,
    AgencyRef Agency,
    CategoryRef Category,
    ServiceChannel Channel,
    int CompletionWorkingDays,
    decimal CostRupiah,
    ServiceStatus? Status,
    string? Path);

public sealed record ServiceDetail(
    string Slug,
    string Name,
    string Description,
    AgencyRef Agency,
    CategoryRef Category,
    ServiceChannel Channel,
    StandardView Standard,
    ServiceStatus? Status,
    ServiceAccess? Access,
    System.Text.Json.JsonElement? RequestForm,
    CitizenAssurance CitizenAssurance);

/// <summary>Where and how to call the service through the gateway; null when it is counter-only.</summary>
public sealed record ServiceAccess(string Path, IReadOnlyList<string> Methods, AccessRuleKind Rule);

public sealed record StandardView(
    IReadOnlyList<string> LegalBasis,
    IReadOnlyList<string> Requirements,
    IReadOnlyList<string> Procedure,
    int CompletionWorkingDays,
    decimal CostRupiah,
    string? CostNote,
    string Product,
    string ComplaintChannel);

/// <summary>Live status; null when the service is not reachable through the gateway.</summary>
public sealed record ServiceStatus(HealthState State, DateTimeOffset Since, DateTimeOffset CheckedAt);

public sealed record AgencyRef(string Code, string Name);

public sealed record CategoryRef(string Code, string Label);

public sealed record AgencySummary(string Code, string Name, string Description, AgencyContact Contact, int ServiceCount);

public sealed record CategorySummary(string Code, string Label, int ServiceCount);
