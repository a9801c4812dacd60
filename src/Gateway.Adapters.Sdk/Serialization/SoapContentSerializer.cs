using System.Reflection;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Serialization;
using Gateway.Adapters.Sdk.Calls;
using Refit;

namespace Gateway.Adapters.Sdk.Serialization;

/// <summary>
/// SOAP 1.1 for Refit: a request body is the operation element (an <see cref="XmlSerializer"/> type)
/// wrapped in an envelope; an answer's body element is read back the same way. A SOAP fault is a
/// broken contract (the legacy app failed to process what it was sent). Refit.Xml is not served here,
/// and a SOAP service needs the envelope anyway: this is the whole of it. Answers are read by
/// <see cref="SafeXml"/>: no DTDs, at most <paramref name="maxResponseBytes"/>.
/// </summary>
public sealed class SoapContentSerializer(int maxResponseBytes = SafeXml.DefaultMaxBytes) : IHttpContentSerializer
{
    public const string EnvelopeNamespace = "http://schemas.xmlsoap.org/soap/envelope/";

    private static readonly XNamespace Soap = EnvelopeNamespace;

    public HttpContent ToHttpContent<T>(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var body = new StringBuilder();
        using (var writer = XmlWriter.Create(body, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            new XmlSerializer(typeof(T)).Serialize(writer, item);
        }

        var envelope = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Soap + "Envelope", new XAttribute(XNamespace.Xmlns + "soap", EnvelopeNamespace),
                new XElement(Soap + "Body", XElement.Parse(body.ToString()))));
        return new StringContent(envelope.Declaration + envelope.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, "text/xml");
    }

    public async Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
    {
        var document = await SafeXml.LoadAsync(content, maxResponseBytes, cancellationToken);
        var body = document.Root?.Element(Soap + "Body") ?? throw new LegacyContractException("the answer is not a SOAP envelope");
        var payload = body.Elements().FirstOrDefault() ?? throw new LegacyContractException("the SOAP body is empty");
        if (payload.Name == Soap + "Fault")
        {
            throw new LegacyContractException($"SOAP fault: {(string?)payload.Element("faultstring") ?? payload.Value}");
        }

        using var reader = payload.CreateReader();
        return (T?)new XmlSerializer(typeof(T)).Deserialize(reader);
    }

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => propertyInfo.Name;
}
