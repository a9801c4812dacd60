using System.Text;
using Gateway.Adapters.Sdk.Protocol;

namespace Gateway.Adapters.Sdk.Tests;

/// <summary>The adapter's proof fits one key, one call and one body: anything else does not verify.</summary>
public sealed class AdapterProofTests
{
    private const string Key = "0123456789abcdef0123456789abcdef";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"kind":"Done","externalReference":"503/00001/DPMPTSP/2026"}""");

    [Fact]
    public void The_key_holders_answer_to_this_call_verifies()
    {
        var proof = AdapterProof.Compute(Key, "nonce-1", Body);

        Assert.True(AdapterProof.Verify(Key, "nonce-1", Body, proof));
    }

    [Theory]
    [InlineData("another key, 32 characters long!", "nonce-1", false)]
    [InlineData(Key, "nonce-2", false)]
    [InlineData(Key, "nonce-1", true)]
    public void Another_key_another_call_or_an_altered_body_does_not_verify(string key, string nonce, bool alterBody)
    {
        var proof = AdapterProof.Compute(Key, "nonce-1", Body);
        var body = alterBody ? Encoding.UTF8.GetBytes("""{"kind":"Done","externalReference":"503/00002/DPMPTSP/2026"}""") : Body;

        Assert.False(AdapterProof.Verify(key, nonce, body, proof));
    }

    [Fact]
    public void A_missing_proof_does_not_verify() => Assert.False(AdapterProof.Verify(Key, "nonce-1", Body, null));
}
