using System.Text;
using System.Xml.Serialization;
using Gateway.Adapters.Sdk.Calls;
using Gateway.Adapters.Sdk.Serialization;

namespace Gateway.Adapters.Sdk.Tests;

public sealed class SoapContentSerializerTests
{
    private const string Ns = "http://example.go.id/ws";

    [XmlRoot("Ping", Namespace = Ns)]
    public sealed class Ping
    {
        public string? Nomor { get; set; }
    }

    [XmlRoot("PingResponse", Namespace = Ns)]
    public sealed class PingResponse
    {
        public string? Status { get; set; }
    }

    private static readonly SoapContentSerializer Serializer = new();

    [Fact]
    public async Task A_body_goes_out_in_a_soap_envelope()
    {
        var content = Serializer.ToHttpContent(new Ping { Nomor = "503/00001" });
        var xml = await content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("text/xml", content.Headers.ContentType!.MediaType);
        Assert.Contains("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><Ping", xml, StringComparison.Ordinal);
        Assert.Contains("<Nomor>503/00001</Nomor>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_is_read_from_the_envelope_body()
    {
        var answer = await Serializer.FromHttpContentAsync<PingResponse>(Soap($"<PingResponse xmlns=\"{Ns}\"><Status>TERBIT</Status></PingResponse>"), TestContext.Current.CancellationToken);

        Assert.Equal("TERBIT", answer!.Status);
    }

    [Fact]
    public async Task A_fault_or_a_bare_document_is_a_broken_contract()
    {
        var fault = Soap("<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Nomor tidak ditemukan</faultstring></soap:Fault>");

        var error = await Assert.ThrowsAsync<LegacyContractException>(() => Serializer.FromHttpContentAsync<PingResponse>(fault, TestContext.Current.CancellationToken));
        Assert.Contains("Nomor tidak ditemukan", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<LegacyContractException>(() =>
            Serializer.FromHttpContentAsync<PingResponse>(new StringContent("<html>502 Bad Gateway</html>"), TestContext.Current.CancellationToken));
    }

    private static StringContent Soap(string body) => new(
        $"<?xml version=\"1.0\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>{body}</soap:Body></soap:Envelope>",
        Encoding.UTF8, "text/xml");
}
