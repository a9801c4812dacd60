using FluentValidation;
using Gateway.Catalogue.Model;
using Gateway.Contracts.Adapters.V1;
using Gateway.Platform.Catalogue;

namespace Gateway.Catalogue.Editing;

internal sealed class LocalizedTextValidator : AbstractValidator<LocalizedText>
{
    public LocalizedTextValidator(int maxLength)
    {
        RuleFor(t => t.Id).NotEmpty().MaximumLength(maxLength);
        RuleFor(t => t.En).MaximumLength(maxLength);
    }
}

internal sealed class AgencyInputValidator : AbstractValidator<AgencyInput>
{
    public AgencyInputValidator()
    {
        RuleFor(a => a.Code).NotEmpty().Length(2, 40)
            .Matches(CatalogueRules.AgencyCode()).WithMessage(_ => Messages.AgencyCodeFormat.Localize());
        RuleFor(a => a.Name!).NotNull().SetValidator(new LocalizedTextValidator(200));
        RuleFor(a => a.Description!).NotNull().SetValidator(new LocalizedTextValidator(2000));
        RuleFor(a => a.Contact!.Email).EmailAddress().MaximumLength(200).When(a => a.Contact?.Email is not null);
        RuleFor(a => a.Contact!.Phone).MaximumLength(40).Matches("^[0-9+() -]+$").When(a => a.Contact?.Phone is not null);
        RuleFor(a => a.Contact!.Address).MaximumLength(400).When(a => a.Contact is not null);
        RuleFor(a => a.Contact!.Website).MaximumLength(400)
            .Must(w => Uri.TryCreate(w, UriKind.Absolute, out var u) && (u.Scheme == "https" || u.Scheme == "http"))
            .When(a => a.Contact?.Website is not null);
    }
}

internal sealed class ServiceInputValidator : AbstractValidator<ServiceInput>
{
    public ServiceInputValidator()
    {
        RuleFor(s => s.Slug).NotEmpty().Length(3, 80)
            .Matches(CatalogueRules.Slug()).WithMessage(_ => Messages.SlugFormat.Localize());
        RuleFor(s => s.AgencyCode).NotEmpty();
        RuleFor(s => s.Name!).NotNull().SetValidator(new LocalizedTextValidator(200));
        RuleFor(s => s.Description!).NotNull().SetValidator(new LocalizedTextValidator(2000));
        RuleFor(s => s.Category).NotEmpty()
            .Must(Categories.Exists).WithMessage(_ => Messages.UnknownCategory.With(string.Join(", ", Categories.All.Select(c => c.Code))).Localize());
        RuleFor(s => s.Channel).NotNull().IsInEnum();
        RuleFor(s => s.Standard!).NotNull().SetValidator(new StandardInputValidator());
        RuleFor(s => s.Exposure).SetValidator(new ExposureInputValidator()!).When(s => s.Exposure is not null);
        RuleFor(s => s.RequestForm).Custom((form, context) =>
        {
            if (form is { ValueKind: not System.Text.Json.JsonValueKind.Null } json
                && !Gateway.Platform.Forms.FormSchema.TryParse(json.GetRawText(), out _, out var error))
            {
                context.AddFailure("requestForm", error.Localize());
            }
        });
    }
}

internal sealed class StandardInputValidator : AbstractValidator<StandardInput>
{
    public StandardInputValidator()
    {
        var text = new LocalizedTextValidator(1000);
        RuleFor(s => s.LegalBasis).NotEmpty().Must(l => l!.Count <= 20);
        RuleForEach(s => s.LegalBasis).NotEmpty().MaximumLength(300);
        RuleFor(s => s.Requirements).NotNull().Must(l => l!.Count <= 50);
        RuleForEach(s => s.Requirements).NotNull().SetValidator(text);
        RuleFor(s => s.Procedure).NotEmpty().Must(l => l!.Count <= 50);
        RuleForEach(s => s.Procedure).NotNull().SetValidator(text);
        RuleFor(s => s.CompletionWorkingDays).NotNull().InclusiveBetween(0, 365);
        RuleFor(s => s.CostRupiah).NotNull().InclusiveBetween(0m, 1_000_000_000_000m);
        RuleFor(s => s.CostNote).SetValidator(text!).When(s => s.CostNote is not null);
        RuleFor(s => s.Product!).NotNull().SetValidator(text);
        RuleFor(s => s.ComplaintChannel!).NotNull().SetValidator(text);
    }
}

internal sealed class ExposureInputValidator : AbstractValidator<ExposureInput>
{
    public ExposureInputValidator()
    {
        RuleFor(e => e.PathPrefix).MaximumLength(120)
            .Matches(CatalogueRules.PathPrefix()).WithMessage(_ => Messages.PathPrefixFormat.Localize())
            .Must(p => !CatalogueRules.IsReserved(p!))
            .WithMessage(_ => Messages.PathPrefixReserved.With(string.Join(", ", CatalogueRules.ReservedPrefixes)).Localize())
            .When(e => e.PathPrefix is not null);
        RuleFor(e => e.Methods).NotEmpty().When(e => e.Methods is not null);
        RuleForEach(e => e.Methods)
            .Must(m => m is not null && CatalogueRules.AllowedMethods.Contains(m.ToUpperInvariant()))
            .WithMessage(_ => Messages.MethodNotAllowed.With(string.Join(", ", CatalogueRules.AllowedMethods)).Localize());
        RuleFor(e => e.Destinations).NotEmpty().Must(d => d!.Count <= 10);
        RuleForEach(e => e.Destinations)
            .Must(CatalogueRules.IsValidDestination).WithMessage(_ => Messages.DestinationFormat.Localize());
        RuleFor(e => e.HealthCheckPath).MaximumLength(200)
            .Matches(CatalogueRules.HealthPath()).WithMessage(_ => Messages.HealthPathFormat.Localize())
            .When(e => e.HealthCheckPath is not null);
        RuleFor(e => e.TimeoutSeconds).InclusiveBetween(1, 300).When(e => e.TimeoutSeconds is not null);
        RuleFor(e => e.Access).NotNull().SetValidator(new AccessRuleInputValidator()!);
        RuleFor(e => e.Quota!.PerAddressPerMinute).InclusiveBetween(1, 100_000_000).When(e => e.Quota?.PerAddressPerMinute is not null);
        RuleFor(e => e.Quota!.PerClientPerMinute).InclusiveBetween(1, 100_000_000).When(e => e.Quota?.PerClientPerMinute is not null);
        RuleFor(e => e.MaxConcurrentRequests).InclusiveBetween(1, 100_000).When(e => e.MaxConcurrentRequests is not null);
        RuleFor(e => e.UpstreamAuth).SetValidator(new UpstreamAuthInputValidator()!).When(e => e.UpstreamAuth is not null);
        RuleFor(e => e.ForwardClientAuthorization)
            .Must(forward => forward != true).WithMessage(_ => Messages.AuthorizationConflict.Localize())
            .When(e => e.UpstreamAuth?.Kind == UpstreamAuthKind.Basic
                || (e.UpstreamAuth?.Kind == UpstreamAuthKind.ApiKey && string.Equals(e.UpstreamAuth.HeaderName, "Authorization", StringComparison.OrdinalIgnoreCase)));
    }
}

internal sealed class AccessRuleInputValidator : AbstractValidator<AccessRuleInput>
{
    public AccessRuleInputValidator()
    {
        RuleFor(a => a.Kind).NotNull().IsInEnum();
        RuleFor(a => a.Scope).MaximumLength(100)
            .Matches(CatalogueRules.Scope()).WithMessage(_ => Messages.ScopeFormat.Localize())
            .When(a => a.Kind == AccessRuleKind.AgencyClient && a.Scope is not null);
        RuleFor(a => a.Scope).Null().WithMessage(_ => Messages.ScopeOnlyForClients.Localize())
            .When(a => a.Kind is not null and not AccessRuleKind.AgencyClient);
    }
}

internal sealed class UpstreamAuthInputValidator : AbstractValidator<UpstreamAuthInput>
{
    public UpstreamAuthInputValidator()
    {
        RuleFor(a => a.Kind).NotNull().IsInEnum();
        RuleFor(a => a.HeaderName).MaximumLength(100)
            .Matches(CatalogueRules.HeaderName()).WithMessage(_ => Messages.HeaderNameFormat.Localize())
            .When(a => a.Kind == UpstreamAuthKind.ApiKey && a.HeaderName is not null);
        RuleFor(a => a.Username).NotEmpty().MaximumLength(100)
            .Must(u => !u!.Contains(':', StringComparison.Ordinal)).WithMessage(_ => Messages.UsernameFormat.Localize())
            .When(a => a.Kind == UpstreamAuthKind.Basic);
        RuleFor(a => a.Secret).MaximumLength(1000);
        RuleFor(a => a.Secret).MinimumLength(AdapterKeys.MinimumLength)
            .WithMessage(_ => Messages.AdapterKeyLength.With(AdapterKeys.MinimumLength).Localize())
            .When(a => a.Kind == UpstreamAuthKind.Adapter && a.Secret is not null);
        RuleFor(a => a.Secret).Null().WithMessage(_ => Messages.SecretNotExpected.Localize())
            .When(a => a.Kind == UpstreamAuthKind.None);
    }
}
