using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Gateway.Platform.Agencies;
using Gateway.Platform.Forms;
using Gateway.Platform.Localization;
using Gateway.Platform.Security;
using Gateway.Requests.Model;
using Gateway.Requests.Persistence;
using Gateway.Requests.Submitting;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Requests.Portal;

/// <summary>A service's application form as the portal shows it.</summary>
public sealed record ApplicationForm(string Slug, string ServiceName, IReadOnlyList<FormField> Fields, bool NeedsVerifiedNik)
{
    /// <summary>The pages it is asked on (one for a short form).</summary>
    public IReadOnlyList<FormPart> Parts { get; } = FormFields.Parts(Fields);
}

/// <summary>What came of an application: its tracking number, or what to put right (per field, or for the whole form).</summary>
public sealed record ApplyOutcome(string? TrackingNumber, string? Problem, IReadOnlyDictionary<string, string> FieldErrors);

/// <summary>
/// Applying from the portal's pages: the answers arrive as form text, are typed by the form's schema and go
/// through the same <see cref="RequestSubmitter"/> as <c>POST /api/requests</c> (same checks, same
/// idempotency, same transaction with its event). The unfinished application is kept as a draft.
/// </summary>
public sealed class PortalApplications
{
    private readonly RequestsDbContext _db;
    private readonly IServiceDirectory _services;
    private readonly RequestSubmitter _submitter;
    private readonly TimeProvider _time;

    internal PortalApplications(RequestsDbContext db, IServiceDirectory services, RequestSubmitter submitter, TimeProvider time)
    {
        _db = db;
        _services = services;
        _submitter = submitter;
        _time = time;
    }

    /// <summary>The questions read out of each schema once: a schema is parsed once per catalogue version, and goes with it.</summary>
    private static readonly ConditionalWeakTable<FormSchema, IReadOnlyList<FormField>> Questions = new();

    /// <summary>The form of a service that takes applications through the gateway; null otherwise.</summary>
    public ApplicationForm? FormFor(string slug) =>
        _services.Find(slug) is { RequestForm: { } form } service
            ? new ApplicationForm(slug, Languages.PrefersEnglish() ? service.NameEn ?? service.NameId : service.NameId,
                Questions.GetValue(form, schema => FormFields.Of(schema.Document)), service.NeedsVerifiedNik)
            : null;

    public async Task<IReadOnlyDictionary<string, string>> DraftAsync(ClaimsPrincipal citizen, string slug, CancellationToken cancellationToken)
    {
        var id = citizen.AccountIdOf();
        var draft = await _db.Drafts.AsNoTracking().SingleOrDefaultAsync(d => d.CitizenId == id && d.ServiceSlug == slug, cancellationToken);
        return draft?.Answers ?? [];
    }

    /// <summary>Keeps the answers as typed (only the form's own fields, each at most 4,000 characters).</summary>
    public async Task SaveDraftAsync(ClaimsPrincipal citizen, ApplicationForm form, IReadOnlyDictionary<string, string> answers, CancellationToken cancellationToken)
    {
        var id = citizen.AccountIdOf() ?? throw new InvalidOperationException("A draft needs a signed-in citizen.");
        var kept = form.Fields.Where(f => !string.IsNullOrEmpty(answers.GetValueOrDefault(f.Name)))
            .ToDictionary(f => f.Name, f => answers[f.Name] is { Length: > 4000 } longText ? longText[..4000] : answers[f.Name], StringComparer.Ordinal);
        var draft = await _db.Drafts.SingleOrDefaultAsync(d => d.CitizenId == id && d.ServiceSlug == form.Slug, cancellationToken);
        if (draft is null)
        {
            _db.Drafts.Add(draft = new RequestDraft { CitizenId = id, ServiceSlug = form.Slug });
        }

        draft.Answers = kept;
        draft.SavedAt = _time.GetUtcNow().UtcDateTime;
        await _db.SaveChangesAsync(cancellationToken);
    }

    /// <param name="idempotencyKey">Given to the form when it was shown: submitting twice (a double tap, a resend after a timeout) files one request.</param>
    public async Task<ApplyOutcome> SubmitAsync(
        ClaimsPrincipal citizen, ApplicationForm form, IReadOnlyDictionary<string, string> answers, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (ApplicantIdentity.From(citizen) is not { } applicant)
        {
            return new ApplyOutcome(null, RequestTexts.NotSignedInAsCitizen.Localize(), new Dictionary<string, string>());
        }

        var (fields, typingErrors) = Typed(form, answers);
        if (typingErrors.Count > 0)
        {
            return new ApplyOutcome(null, null, typingErrors);
        }

        var result = await _submitter.SubmitAsync(applicant, new SubmitRequestInput(form.Slug, System.Text.Json.JsonSerializer.SerializeToElement(fields)), idempotencyKey, cancellationToken);
        if (result.Request is not { } request)
        {
            var fieldErrors = (result.Errors ?? []).Where(e => e.Key.StartsWith("fields.", StringComparison.Ordinal))
                .ToDictionary(e => e.Key["fields.".Length..], e => string.Join(" ", e.Value), StringComparer.Ordinal);
            var problem = result.Detail?.Localize()
                ?? (result.Errors ?? []).Where(e => !e.Key.StartsWith("fields.", StringComparison.Ordinal)).SelectMany(e => e.Value).FirstOrDefault();
            return new ApplyOutcome(null, problem, fieldErrors);
        }

        await _db.Drafts.Where(d => d.CitizenId == applicant.CitizenId && d.ServiceSlug == form.Slug).ExecuteDeleteAsync(cancellationToken);
        return new ApplyOutcome(request.TrackingNumber, null, new Dictionary<string, string>());
    }

    /// <summary>
    /// Checks one part of a long form before the next is shown: the same typing and schema rules as the submit,
    /// only the errors of that part's questions (the later parts are not answered yet).
    /// </summary>
    public IReadOnlyDictionary<string, string> Check(ApplicationForm form, IReadOnlyDictionary<string, string> answers, FormPart part)
    {
        var asked = part.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var (fields, errors) = Typed(form, answers);
        if (_services.Find(form.Slug)?.RequestForm is { } schema)
        {
            foreach (var (field, messages) in schema.Validate(System.Text.Json.JsonSerializer.SerializeToElement(fields), ""))
            {
                errors.TryAdd(field, string.Join(" ", messages));
            }
        }

        return errors.Where(e => asked.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    /// <summary>Form text into the schema's types; an empty answer is left out (so "required" speaks for it).</summary>
    private static (JsonObject Fields, Dictionary<string, string> Errors) Typed(ApplicationForm form, IReadOnlyDictionary<string, string> answers)
    {
        var fields = new JsonObject();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in form.Fields)
        {
            var text = answers.GetValueOrDefault(field.Name)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            switch (field.Kind)
            {
                case "integer" when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole):
                    fields[field.Name] = whole;
                    break;
                case "integer":
                    errors[field.Name] = PortalTexts.WholeNumber.Localize();
                    break;
                // Indonesians write a decimal comma (150,5); a point is accepted too.
                case "number" when decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number):
                    fields[field.Name] = number;
                    break;
                case "number":
                    errors[field.Name] = PortalTexts.Number.Localize();
                    break;
                case "yesno":
                    fields[field.Name] = text == "true";
                    break;
                default:
                    fields[field.Name] = text;
                    break;
            }
        }

        return (fields, errors);
    }
}
