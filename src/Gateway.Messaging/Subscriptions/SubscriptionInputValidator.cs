using FluentValidation;
using Gateway.Messaging.Bus;
using Gateway.Platform.Agencies;

namespace Gateway.Messaging.Subscriptions;

internal sealed class SubscriptionInputValidator : AbstractValidator<SubscriptionInput>
{
    /// <param name="allowHttp">Plain http:// webhooks, only where the whole gateway runs without TLS (<c>Edge:AllowHttp</c>, development).</param>
    /// <param name="personalDataAgencies">The agencies that may subscribe to events carrying residents' personal data.</param>
    public SubscriptionInputValidator(IAgencyDirectory agencies, bool allowHttp, IReadOnlyCollection<string> personalDataAgencies)
    {
        RuleFor(s => s.AgencyCode).NotEmpty()
            .Must(code => agencies.Exists(code!)).WithMessage(s => SubscriptionMessages.UnknownAgency.With(s.AgencyCode).Localize());
        RuleFor(s => s.EventType).NotEmpty()
            .Must(t => EventTypes.ByName.ContainsKey(t!))
            .WithMessage(_ => SubscriptionMessages.UnknownEventType.With(string.Join(", ", EventTypes.ByName.Keys.Order())).Localize());
        RuleFor(s => s.EventType)
            .Must((input, type) => !EventTypes.CarryingPersonalData.Contains(type!) || personalDataAgencies.Contains(input.AgencyCode!))
            .WithMessage(s => SubscriptionMessages.PersonalDataNotAllowed.With(s.EventType, s.AgencyCode).Localize())
            .When(s => s.EventType is not null && s.AgencyCode is not null);
        RuleFor(s => s.Delivery).NotNull();
        RuleFor(s => s.WebhookUrl)
            .Must(IsHttpUrl).WithMessage(_ => SubscriptionMessages.WebhookUrlRequired.Localize())
            .When(s => s.Delivery == DeliveryMethod.Webhook);
        // Webhook bodies carry citizens' data (names, form answers): never in clear text across a network.
        RuleFor(s => s.WebhookUrl)
            .Must(url => url!.StartsWith("https://", StringComparison.OrdinalIgnoreCase)).WithMessage(_ => SubscriptionMessages.WebhookNeedsHttps.Localize())
            .When(s => s.Delivery == DeliveryMethod.Webhook && !allowHttp && IsHttpUrl(s.WebhookUrl));
        RuleFor(s => s.WebhookUrl).Empty().WithMessage(_ => SubscriptionMessages.WebhookUrlNotForAmqp.Localize())
            .When(s => s.Delivery == DeliveryMethod.Amqp);
        RuleFor(s => s.Secret).MinimumLength(24).MaximumLength(200).WithMessage(_ => SubscriptionMessages.SecretTooShort.Localize())
            .When(s => s.Secret is not null);
        RuleFor(s => s.OwnAgencyOnly)
            .Must((input, own) => !own || (input.Delivery == DeliveryMethod.Webhook && EventTypes.WithAgencyCode.Contains(input.EventType ?? "")))
            .WithMessage(_ => SubscriptionMessages.OwnAgencyOnlyNotPossible.With(string.Join(", ", EventTypes.WithAgencyCode.Order())).Localize());
        RuleFor(s => s.Description).MaximumLength(500);
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && url!.Length <= 2000;
}
