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

    private static SubscriptionInput Webhook(string url) => new("dpupr", "ComplaintRouted", DeliveryMethod.Webhook, url, null, null, false);

    [Theory]
    [InlineData("http://hooks.dpupr.go.id/satupintu", false, false)]
    [InlineData("https://hooks.dpupr.go.id/satupintu", false, true)]
    [InlineData("http://127.0.0.1:9000/hook", true, true)]
    [InlineData("HTTPS://hooks.dpupr.go.id/satupintu", false, true)]
    public void A_webhook_address_must_be_https_unless_the_gateway_runs_without_tls(string url, bool allowHttp, bool valid)
    {
        var result = new SubscriptionInputValidator(new OneAgency(), allowHttp).Validate(Webhook(url));

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Contains(result.Errors, e => e.PropertyName == nameof(SubscriptionInput.WebhookUrl));
        }
    }
}
