using Gateway.Catalogue.Model;
using Gateway.Platform.Catalogue;

namespace Gateway.Catalogue.Admin;

// What administrators get back: both languages (they edit both), never an upstream secret.

public sealed record AgencyView(
    string Code,
    LocalizedText Name,
    LocalizedText Description,
    AgencyContact Contact,
    int ServiceCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version);

public sealed record AdminServiceView(
    string Slug,
    string AgencyCode,
    LocalizedText Name,
    LocalizedText Description,
    string Category,
    ServiceChannel Channel,
    ServiceStandard Standard,
    ExposureView? Exposure,
    HealthView? Health,
    System.Text.Json.JsonElement? RequestForm,
    CitizenAssurance CitizenAssurance,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version);

public sealed record ExposureView(
    string PathPrefix,
    IReadOnlyList<string> Methods,
    IReadOnlyList<string> Destinations,
    string? HealthCheckPath,
    int TimeoutSeconds,
    AccessRule Access,
    UpstreamAuthView UpstreamAuth,
    bool ForwardClientCookies,
    bool ForwardClientAuthorization,
    QuotaView? Quota,
    int? MaxConcurrentRequests);

/// <summary>Requests per minute per client address and per signed-in person or app; null where there is none.</summary>
public sealed record QuotaView(int? PerAddressPerMinute, int? PerClientPerMinute);

/// <summary>How the gateway authenticates upstream; <c>hasSecret</c> tells whether a secret is stored, never what it is.</summary>
public sealed record UpstreamAuthView(UpstreamAuthKind Kind, string? HeaderName, string? Username, bool HasSecret);

public sealed record HealthView(string Service, HealthState State, DateTimeOffset Since, DateTimeOffset CheckedAt, string? Detail);

internal static class AdminViewMapping
{
    public static AgencyView ToView(this Agency a, int serviceCount) =>
        new(a.Code, a.Name, a.Description, a.Contact, serviceCount, a.CreatedAt, a.UpdatedAt, a.Version);

    public static AdminServiceView ToView(this Service s, IServiceHealthBoard health) => new(
        s.Slug,
        s.Agency!.Code,
        s.Name,
        s.Description,
        s.Category,
        s.Channel,
        s.Standard,
        s.Exposure?.ToView(),
        health.Find(s.Slug)?.ToView(),
        s.RequestForm is null ? null : System.Text.Json.JsonDocument.Parse(s.RequestForm).RootElement.Clone(),
        s.CitizenAssurance,
        s.CreatedAt,
        s.UpdatedAt,
        s.Version);

    public static ExposureView ToView(this Exposure e) => new(
        e.PathPrefix,
        e.Methods,
        e.Destinations,
        e.HealthCheckPath,
        e.TimeoutSeconds,
        e.Access,
        new UpstreamAuthView(e.UpstreamAuth.Kind, e.UpstreamAuth.HeaderName, e.UpstreamAuth.Username, e.UpstreamAuth.ProtectedSecret is not null),
        e.ForwardClientCookies,
        e.ForwardClientAuthorization,
        e.QuotaPerAddressPerMinute is null && e.QuotaPerClientPerMinute is null ? null : new QuotaView(e.QuotaPerAddressPerMinute, e.QuotaPerClientPerMinute),
        e.MaxConcurrentRequests);

    public static HealthView ToView(this ServiceHealthEntry h) => new(h.Slug, h.State, h.Since, h.CheckedAt, h.Detail);
}

/// <summary>What a bulk import registered, in the order sent.</summary>
public sealed record ImportView(int Imported, IReadOnlyList<string> Services);

/// <summary>Share of the time a service (or an agency's services together) was not down, counting only the time its status was known; null: never checked.</summary>
public sealed record AvailabilityView(double? Last7Days, double? Last30Days);

/// <summary>A period the service was down; <c>end</c> null while it lasts.</summary>
public sealed record IncidentView(DateTimeOffset Start, DateTimeOffset? End, long DurationSeconds)
{
    internal static IncidentView Of(Health.Incident incident, DateTime now) => new(
        new DateTimeOffset(incident.Start, TimeSpan.Zero), incident.End is { } end ? new DateTimeOffset(end, TimeSpan.Zero) : null,
        (long)incident.DurationAt(now).TotalSeconds);
}

public sealed record ServiceHealthHistoryView(string Service, string Agency, HealthState State, int Days, AvailabilityView Availability, List<IncidentView> Incidents);

public sealed record ServiceHealthSummaryView(string Service, HealthState State, AvailabilityView Availability, int Incidents, long DownSeconds);

public sealed record AgencyHealthHistoryView(string Agency, int Days, AvailabilityView Availability, int Incidents, List<ServiceHealthSummaryView> Services);
