using Gateway.Catalogue.Model;
using Gateway.Platform.Catalogue;

namespace Gateway.Catalogue.Editing;

// What administrators send. Every member is nullable so that a missing field is reported by the
// validators as "required", naming the field, instead of failing JSON binding as a whole.

/// <summary>An agency to create or replace. <c>code</c> is ignored on replace (it comes from the URL).</summary>
public sealed record AgencyInput(string? Code, LocalizedText? Name, LocalizedText? Description, AgencyContact? Contact);

/// <summary>A service to create or replace, optionally with its exposure.</summary>
public sealed record ServiceInput(
    string? Slug,
    string? AgencyCode,
    LocalizedText? Name,
    LocalizedText? Description,
    string? Category,
    ServiceChannel? Channel,
    StandardInput? Standard,
    ExposureInput? Exposure,
    System.Text.Json.JsonElement? RequestForm = null,
    CitizenAssurance? CitizenAssurance = null);

/// <summary>The published service standard (Law 25/2009 art. 21).</summary>
public sealed record StandardInput(
    IReadOnlyList<string>? LegalBasis,
    IReadOnlyList<LocalizedText>? Requirements,
    IReadOnlyList<LocalizedText>? Procedure,
    int? CompletionWorkingDays,
    decimal? CostRupiah,
    LocalizedText? CostNote,
    LocalizedText? Product,
    LocalizedText? ComplaintChannel);

/// <summary>
/// How the gateway exposes the service. Omitted <c>pathPrefix</c> becomes <c>/{agency}/{slug}</c>,
/// omitted <c>methods</c> GET and HEAD, omitted <c>timeoutSeconds</c> the configured default.
/// </summary>
public sealed record ExposureInput(
    string? PathPrefix,
    IReadOnlyList<string>? Methods,
    IReadOnlyList<string>? Destinations,
    string? HealthCheckPath,
    int? TimeoutSeconds,
    AccessRuleInput? Access,
    UpstreamAuthInput? UpstreamAuth,
    bool? ForwardClientCookies,
    bool? ForwardClientAuthorization,
    QuotaInput? Quota = null,
    int? MaxConcurrentRequests = null);

/// <summary>
/// What one caller may ask of an agency app through the gateway, per minute — per client address and per
/// signed-in person or client app. An old app's capacity is small; one caller must not take all of it.
/// </summary>
public sealed record QuotaInput(int? PerAddressPerMinute, int? PerClientPerMinute);

public sealed record AccessRuleInput(AccessRuleKind? Kind, string? Scope);

/// <summary>
/// How the gateway authenticates to the agency app. <c>secret</c> is write-only: it is never returned,
/// and when omitted on a change that keeps the same kind, the stored secret is kept.
/// </summary>
public sealed record UpstreamAuthInput(UpstreamAuthKind? Kind, string? HeaderName, string? Username, string? Secret);

/// <summary>A batch of services to register at once (at most <see cref="ServiceImporter.MaxServices"/>).</summary>
public sealed record ServiceImportInput(IReadOnlyList<ServiceInput?>? Services);
