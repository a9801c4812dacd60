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

    [Fact]
    public async Task An_answer_declaring_a_DTD_is_refused_before_any_entity_is_expanded()
    {
        // "Billion laughs": ten levels of ten references would expand to a billion strings.
        var entities = string.Join("", Enumerable.Range(1, 9).Select(i => $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">"));
        var xml = $"<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol0 \"lol\">{entities}]>"
            + $"<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><PingResponse xmlns=\"{Ns}\"><Status>&lol9;</Status></PingResponse></soap:Body></soap:Envelope>";

        var refused = await Assert.ThrowsAsync<LegacyContractException>(() =>
            Serializer.FromHttpContentAsync<PingResponse>(new StringContent(xml, Encoding.UTF8, "text/xml"), TestContext.Current.CancellationToken));

        Assert.Contains("DTD", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_larger_than_the_cap_is_refused_with_or_without_a_content_length()
    {
        var serializer = new SoapContentSerializer(maxResponseBytes: 64 * 1024);
        var large = $"<PingResponse xmlns=\"{Ns}\"><Status>{new string('x', 100 * 1024)}</Status></PingResponse>";
        var withoutLength = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(await Soap(large).ReadAsStringAsync(TestContext.Current.CancellationToken))));

        var declared = await Assert.ThrowsAsync<LegacyContractException>(() =>
            serializer.FromHttpContentAsync<PingResponse>(Soap(large), TestContext.Current.CancellationToken));
        var streamed = await Assert.ThrowsAsync<LegacyContractException>(() =>
            serializer.FromHttpContentAsync<PingResponse>(withoutLength, TestContext.Current.CancellationToken));

        Assert.Contains("65536 bytes", declared.Message, StringComparison.Ordinal);
        Assert.Contains("65536 bytes", streamed.Message, StringComparison.Ordinal);
        var small = await serializer.FromHttpContentAsync<PingResponse>(Soap($"<PingResponse xmlns=\"{Ns}\"><Status>TERBIT</Status></PingResponse>"), TestContext.Current.CancellationToken);
        Assert.Equal("TERBIT", small!.Status);
    }

    private static StringContent Soap(string body) => new(
        $"<?xml version=\"1.0\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>{body}</soap:Body></soap:Envelope>",
        Encoding.UTF8, "text/xml");
}
