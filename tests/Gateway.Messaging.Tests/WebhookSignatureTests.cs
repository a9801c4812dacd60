using Gateway.Messaging.Webhooks;

namespace Gateway.Messaging.Tests;

public sealed class WebhookSignatureTests
{
    private const string Secret = "a-webhook-secret-of-some-length";
    private const string Body = "{\"specversion\":\"1.0\",\"id\":\"1\"}";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_signature_verifies_with_the_same_secret_and_body()
    {
        var header = WebhookSignature.Create(Secret, Now.ToUnixTimeSeconds(), Body);

        Assert.Matches("^t=[0-9]+,v1=[0-9a-f]{64}$", header);
        Assert.True(WebhookSignature.Verify(Secret, header, Body, Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void A_changed_body_another_secret_or_an_old_timestamp_fails()
    {
        var header = WebhookSignature.Create(Secret, Now.ToUnixTimeSeconds(), Body);

        Assert.False(WebhookSignature.Verify(Secret, header, Body.Replace('1', '2'), Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("another-secret-of-some-length", header, Body, Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, header, Body, Now.AddMinutes(10), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, "v1=deadbeef", Body, Now, TimeSpan.FromMinutes(5)));
    }
}
