using FluentValidation;
using Gateway.Identity.Server;
using Gateway.Platform.Agencies;
using Gateway.Platform.Localization;

namespace Gateway.Identity.Clients;

internal sealed class ClientInputValidator : AbstractValidator<ClientInput>
{
    public ClientInputValidator(IAgencyDirectory agencies)
    {
        RuleFor(c => c.ClientId).NotEmpty().Matches("^[a-z0-9][a-z0-9-]{2,59}$")
            .WithMessage(_ => new BilingualText(
                "clientId: 3–60 huruf kecil, angka atau tanda hubung.",
                "clientId: 3–60 lowercase letters, digits or hyphens.").Localize());
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Kind).NotNull();
        RuleFor(c => c.Grants).NotEmpty();
        RuleForEach(c => c.Grants)
            .Must((input, grant) => grant != ClientGrant.ClientCredentials || input.Kind == ClientKind.Confidential)
            .WithMessage(_ => new BilingualText(
                "clientCredentials hanya untuk klien confidential (yang dapat menyimpan rahasia).",
                "clientCredentials is for confidential clients only (ones that can keep a secret).").Localize());
        RuleFor(c => c.RedirectUris).NotEmpty()
            .When(c => c.Grants?.Contains(ClientGrant.AuthorizationCode) == true)
            .WithMessage(_ => new BilingualText(
                "Klien dengan authorizationCode memerlukan minimal satu redirectUris.",
                "A client with authorizationCode needs at least one redirectUris entry.").Localize());
        RuleForEach(c => c.RedirectUris).Must(IsExactRedirect).WithMessage(_ => RedirectRule.Localize());
        RuleForEach(c => c.PostLogoutRedirectUris).Must(IsExactRedirect).WithMessage(_ => RedirectRule.Localize());
        RuleFor(c => c.AgencyCode).Must(code => code is null || agencies.Exists(code))
            .WithMessage(_ => new BilingualText("agencyCode harus instansi yang terdaftar di katalog.", "agencyCode must be an agency in the catalogue.").Localize());
        RuleForEach(c => c.Scopes).Must(scope => IsKnownScope(scope, agencies))
            .WithMessage((_, scope) => new BilingualText(
                "Scope '{0}' tidak dikenal. Pilihan: {1}, atau agency:{{kode instansi terdaftar}}.",
                "Unknown scope '{0}'. Choose from {1}, or agency:{{registered agency code}}.").With(scope, string.Join(", ", GatewayScopes.Standard)).Localize());
    }

    private static readonly BilingualText RedirectRule = new(
        "Alamat redirect harus URL lengkap https (http hanya untuk localhost), tanpa fragmen (#) dan tanpa wildcard.",
        "A redirect address must be a full https URL (http only for localhost), without a fragment (#) or wildcards.");

    private static bool IsExactRedirect(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        && string.IsNullOrEmpty(uri.Fragment) && !value!.Contains('*', StringComparison.Ordinal) && value.Length <= 2000;

    private static bool IsKnownScope(string? scope, IAgencyDirectory agencies) =>
        scope is not null && (GatewayScopes.Standard.Contains(scope)
            || (GatewayScopes.IsAgencyScope(scope, out var agency) && agencies.Exists(agency)));
}
