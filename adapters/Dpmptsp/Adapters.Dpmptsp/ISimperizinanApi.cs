using Refit;

namespace Adapters.Dpmptsp;

/// <summary>
/// SIMPERIZINAN's SOAP operations (openapi/agencies/dpmptsp-simperizinan.wsdl) through Refit: each body
/// is the operation element, wrapped in an envelope by the SDK's <c>SoapContentSerializer</c>.
/// </summary>
public interface ISimperizinanApi
{
    [Post("/ws/perizinan.asmx")]
    [Headers("SOAPAction: \"" + SimperizinanXml.Namespace + "/ISimperizinanService/AjukanIzin\"")]
    Task<AjukanIzinResponse> AjukanIzinAsync([Body] AjukanIzin request, CancellationToken cancellationToken);

    [Post("/ws/perizinan.asmx")]
    [Headers("SOAPAction: \"" + SimperizinanXml.Namespace + "/ISimperizinanService/CekStatus\"")]
    Task<CekStatusResponse> CekStatusAsync([Body] CekStatus request, CancellationToken cancellationToken);
}
