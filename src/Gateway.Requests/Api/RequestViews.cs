using Gateway.Contracts.Events.V1;
using Gateway.Platform.Agencies;
using Gateway.Platform.Localization;
using Gateway.Requests.Model;

namespace Gateway.Requests.Api;

/// <summary>A request in a citizen's list.</summary>
public sealed record RequestSummary(
    string TrackingNumber,
    string Service,
    string ServiceName,
    string Agency,
    ServiceRequestStatus Status,
    string StatusLabel,
    DateTime SubmittedAt,
    DateTime DueAt,
    bool Overdue);

/// <summary>One request as its citizen sees it: where it stands against its deadline, and how it got there.</summary>
public sealed record RequestView(
    string TrackingNumber,
    string Service,
    string ServiceName,
    string Agency,
    ServiceRequestStatus Status,
    string StatusLabel,
    DateTime SubmittedAt,
    int CompletionWorkingDays,
    DateTime DueAt,
    bool Overdue,
    bool CanCancel,
    string? AgencyReference,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<TimelineView> Timeline,
    IReadOnlyList<DocumentView> Documents)
{
    /// <summary>Completed and the satisfaction survey not yet answered: the citizen is invited to (only on <c>GET /api/requests/{trackingNumber}</c>).</summary>
    public bool CanAnswerSurvey { get; init; }
}

public sealed record TimelineView(DateTime At, ServiceRequestStatus Status, string StatusLabel, string? Note);

public sealed record DocumentView(Guid Id, string FileName, string ContentType, long Length, string Sha256, DateTime UploadedAt, bool Delivered);

/// <summary>A request as the owning agency's officers and Diskominfo see it: who applied, and what is wrong, if anything.</summary>
public sealed record AgencyRequestView(
    string TrackingNumber,
    string Service,
    string Agency,
    ServiceRequestStatus Status,
    string StatusLabel,
    DateTime SubmittedAt,
    DateTime DueAt,
    bool Overdue,
    string ApplicantName,
    string? ApplicantNik,
    string Adapter,
    DispatchState Dispatch,
    int DispatchAttempts,
    DateTime? NextDispatchAt,
    string? AgencyReference,
    string? LegacyStatus,
    string? Problem,
    DateTime? ProblemSince,
    IReadOnlyDictionary<string, string> Fields);

/// <summary>A page of a list, newest first.</summary>
public sealed record ListPage<T>(int Total, int Number, int PageSize, IReadOnlyList<T> Items);

internal static class RequestViewMapping
{
    public static RequestSummary ToSummary(this ServiceRequest r, IServiceDirectory services, DateTime now) => new(
        r.TrackingNumber, r.ServiceSlug, NameOf(r, services), r.AgencyCode, r.Status, RequestStatuses.Label(r.Status).Localize(),
        r.SubmittedAt, r.DueAt, IsOverdue(r, now));

    public static RequestView ToView(this ServiceRequest r, IServiceDirectory services, DateTime now) => new(
        r.TrackingNumber,
        r.ServiceSlug,
        NameOf(r, services),
        r.AgencyCode,
        r.Status,
        RequestStatuses.Label(r.Status).Localize(),
        r.SubmittedAt,
        r.CompletionWorkingDays,
        r.DueAt,
        IsOverdue(r, now),
        RequestStatuses.CanCancel(r.Status),
        r.ExternalReference,
        r.Fields,
        [.. r.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => new TimelineView(t.At, t.Status, RequestStatuses.Label(t.Status).Localize(), t.Note))],
        [.. r.Documents.OrderBy(d => d.UploadedAt).Select(d => d.ToView())]);

    public static DocumentView ToView(this RequestDocument d) =>
        new(d.Id, d.FileName, d.ContentType, d.Length, d.Sha256, d.UploadedAt, d.DeliveredAt is not null);

    public static AgencyRequestView ToAgencyView(this ServiceRequest r, DateTime now) => new(
        r.TrackingNumber, r.ServiceSlug, r.AgencyCode, r.Status, RequestStatuses.Label(r.Status).Localize(), r.SubmittedAt, r.DueAt,
        IsOverdue(r, now), r.ApplicantName, r.ApplicantNik, r.AdapterName, r.Dispatch, r.DispatchAttempts, r.NextDispatchAt,
        r.ExternalReference, r.LegacyStatus, r.Problem, r.ProblemSince, r.Fields);

    public static bool IsOverdue(ServiceRequest r, DateTime now) => !RequestStatuses.IsFinal(r.Status) && r.DueAt < now;

    private static string NameOf(ServiceRequest r, IServiceDirectory services) =>
        services.Find(r.ServiceSlug) is { } s ? (Languages.PrefersEnglish() && !string.IsNullOrEmpty(s.NameEn) ? s.NameEn : s.NameId) : r.ServiceSlug;
}
