using Gateway.Messaging.Subscriptions;
using Gateway.Platform.Agencies;

namespace Gateway.Messaging.Tests;

/// <summary>Webhook bodies carry citizens' data: a subscription's address must be https unless the gateway itself runs without TLS.</summary>
public sealed class SubscriptionValidationTests
{
    private sealed class OneAgency : IAgencyDirectory
    {
        public bool Exists(string agencyCode) => agencyCode == "dpupr";
    }

    private static SubscriptionInput Webhook(string url, string eventType = "ComplaintRouted") => new("dpupr", eventType, DeliveryMethod.Webhook, url, null, null, false);

    [Theory]
    [InlineData("http://hooks.dpupr.go.id/satupintu", false, false)]
    [InlineData("https://hooks.dpupr.go.id/satupintu", false, true)]
    [InlineData("http://127.0.0.1:9000/hook", true, true)]
    [InlineData("HTTPS://hooks.dpupr.go.id/satupintu", false, true)]
    public void A_webhook_address_must_be_https_unless_the_gateway_runs_without_tls(string url, bool allowHttp, bool valid)
    {
        var result = new SubscriptionInputValidator(new OneAgency(), allowHttp, []).Validate(Webhook(url));

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Contains(result.Errors, e => e.PropertyName == nameof(SubscriptionInput.WebhookUrl));
        }
    }

    [Theory]
    [InlineData("CitizenRegistered", false)]
    [InlineData("ServiceRequestSubmitted", false)]
    [InlineData("CitizenProfileChanged", false)]
    [InlineData("ComplaintRouted", true)]
    public void Events_carrying_personal_data_are_refused_to_an_agency_not_allowed_them(string eventType, bool valid)
    {
        var refused = new SubscriptionInputValidator(new OneAgency(), allowHttp: false, ["disdukcapil"])
            .Validate(Webhook("https://hooks.dpupr.go.id/satupintu", eventType));
        var allowed = new SubscriptionInputValidator(new OneAgency(), allowHttp: false, ["dpupr"])
            .Validate(Webhook("https://hooks.dpupr.go.id/satupintu", eventType));

        Assert.Equal(valid, refused.IsValid);
        Assert.True(allowed.IsValid);
        if (!valid)
        {
            Assert.Contains(refused.Errors, e => e.PropertyName == nameof(SubscriptionInput.EventType) && e.ErrorMessage.Contains("PersonalDataAgencies", StringComparison.Ordinal));
        }
    }
}
