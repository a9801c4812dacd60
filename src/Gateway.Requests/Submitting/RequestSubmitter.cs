using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gateway.Contracts.Events.V1;
using Gateway.Messaging;
using Gateway.Messaging.Outbox;
using Gateway.Platform.Agencies;
using Gateway.Platform.Calendar;
using Gateway.Platform.Database;
using Gateway.Platform.Problems;
using Gateway.Platform.Security;
using Gateway.Requests.Adapters;
using Gateway.Requests.Model;
using Gateway.Requests.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gateway.Requests.Submitting;

/// <summary>The outcome of a submit: the request (new, or the one an earlier try with the same key made), or why not.</summary>
internal sealed record SubmitResult(ServiceRequest? Request, bool Created, ProblemKind? Kind = null, Platform.Localization.BilingualText? Detail = null, Dictionary<string, string[]>? Errors = null);

/// <summary>
/// Checks an application against its service's form and stores it with its tracking number, first
/// timeline entry and <see cref="ServiceRequestSubmitted"/> in one transaction: after a crash there is
/// either a whole request with its event, or nothing.
/// </summary>
internal sealed class RequestSubmitter(
    RequestsDbContext db,
    IServiceDirectory services,
    WorkingCalendar calendar,
    IOptions<RequestOptions> options,
    IOptions<MessagingOptions> messaging,
    TimeProvider time)
{
    public const int MaxKeyLength = 100;

    public async Task<SubmitResult> SubmitAsync(ApplicantIdentity applicant, SubmitRequestInput input, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is { } key && (key.Length is 0 or > MaxKeyLength || key.Any(c => c is < ' ' or > '~')))
        {
            return Invalid("Idempotency-Key", RequestTexts.KeyTooLong);
        }

        if (string.IsNullOrWhiteSpace(input.Service))
        {
            return Invalid("service", RequestTexts.ServiceRequired);
        }

        var service = services.Find(input.Service);
        if (service is null)
        {
            return Invalid("service", RequestTexts.UnknownService.With(input.Service));
        }

        // A NIK-keyed service takes a verified NIK only, and files it: the calling app must be allowed it.
        if (service.NeedsVerifiedNik && !applicant.NikVerified)
        {
            return new SubmitResult(null, false, ProblemKind.Forbidden, NikAssurance.NotVerified);
        }

        if (service.NeedsVerifiedNik && applicant.Nik is null)
        {
            return new SubmitResult(null, false, ProblemKind.Forbidden, RequestTexts.NikScopeNeeded);
        }

        var adapter = AdapterConnections.NameFor(service);
        if (adapter is null || service.RequestForm is null)
        {
            return Invalid("service", RequestTexts.NoRequests.With(service.Slug));
        }

        if (input.Fields is not { ValueKind: JsonValueKind.Object } answers)
        {
            return Invalid("fields", RequestTexts.FieldsRequired);
        }

        var errors = service.RequestForm.Validate(answers, "fields.");
        if (errors.Count > 0)
        {
            return new SubmitResult(null, false, ProblemKind.Validation, Errors: errors);
        }

        var fields = service.RequestForm.Flatten(answers);
        var hash = ContentHash(service.Slug, fields);
        // Looked up first (one indexed read) rather than left to the unique index: a retry is normal
        // client behaviour and must not show up in the logs as a failed database command.
        key = idempotencyKey ?? NewId.NextGuid().ToString();
        if (await FindByKeyAsync(applicant.CitizenId, key, cancellationToken) is { } earlier)
        {
            return Replay(earlier, hash);
        }

        var now = time.GetUtcNow();
        var request = new ServiceRequest
        {
            Id = NewId.NextGuid(),
            TrackingNumber = "",
            ServiceSlug = service.Slug,
            AgencyCode = service.AgencyCode,
            AdapterName = adapter,
            CitizenId = applicant.CitizenId,
            ApplicantNik = applicant.Nik,
            ApplicantName = applicant.Name,
            ApplicantEmail = applicant.Email,
            ApplicantPhone = applicant.Phone,
            Fields = fields,
            IdempotencyKey = key,
            ContentHash = hash,
            Status = ServiceRequestStatus.Submitted,
            SubmittedAt = now.UtcDateTime,
            UpdatedAt = now.UtcDateTime,
            CompletionWorkingDays = service.CompletionWorkingDays,
            DueAt = calendar.AddWorkingDays(now, service.CompletionWorkingDays).UtcDateTime,
            Dispatch = DispatchState.Pending,
            // The bus delivers it to the adapter at once; the sweeper only steps in if that did not happen.
            NextDispatchAt = now.UtcDateTime.AddSeconds(options.Value.DispatchSweepSeconds * 2),
        };
        request.Timeline.Add(new TimelineEntry { At = now.UtcDateTime, Status = ServiceRequestStatus.Submitted, Actor = "citizen" });

        try
        {
            await db.InTransactionAsync(async () =>
            {
                var calendarYear = TimeZoneInfo.ConvertTime(now, calendar.TimeZone).Year;
                request.TrackingNumber = await TrackingNumbers.NextAsync(db, options.Value.CityCode, service.AgencyCode, calendarYear, cancellationToken);
                db.Requests.Add(request);
                db.AddEvent(SubmittedEvent(request, now), $"request:{request.Id}");
                await db.SaveChangesAsync(cancellationToken);
            }, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // The same key arrived twice at once and the other one committed first.
            db.ChangeTracker.Clear();
            var winner = await FindByKeyAsync(applicant.CitizenId, key, cancellationToken)
                ?? throw new InvalidOperationException($"Storing request {request.TrackingNumber} broke a unique rule other than its idempotency key.", ex);
            return Replay(winner, hash);
        }

        return new SubmitResult(request, true);
    }

    private ServiceRequestSubmitted SubmittedEvent(ServiceRequest request, DateTimeOffset now) => new()
    {
        EventId = NewId.NextGuid(),
        OccurredAt = now,
        SourceAgency = messaging.Value.GatewayAgency,
        CorrelationId = request.Id,
        RequestId = request.Id,
        TrackingNumber = request.TrackingNumber,
        ServiceSlug = request.ServiceSlug,
        AgencyCode = request.AgencyCode,
        CitizenId = request.CitizenId,
        DueAt = new DateTimeOffset(request.DueAt, TimeSpan.Zero),
        Fields = request.Fields,
    };

    private Task<ServiceRequest?> FindByKeyAsync(Guid citizenId, string key, CancellationToken cancellationToken) =>
        db.Requests.AsNoTracking().Include(r => r.Timeline).Include(r => r.Documents)
            .SingleOrDefaultAsync(r => r.CitizenId == citizenId && r.IdempotencyKey == key, cancellationToken);

    private static SubmitResult Replay(ServiceRequest earlier, string hash) =>
        earlier.ContentHash == hash
            ? new SubmitResult(earlier, false)
            : new SubmitResult(null, false, ProblemKind.Unprocessable, RequestTexts.KeyReused.With(earlier.TrackingNumber));

    private static SubmitResult Invalid(string field, Platform.Localization.BilingualText message) =>
        new(null, false, ProblemKind.Validation, Errors: Problems.FieldError(field, message));

    private static string ContentHash(string service, Dictionary<string, string> fields)
    {
        var canonical = new StringBuilder(service);
        foreach (var (name, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            canonical.Append('\n').Append(name).Append('=').Append(value);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}
