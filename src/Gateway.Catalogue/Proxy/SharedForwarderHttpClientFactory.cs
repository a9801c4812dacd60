using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Catalogue.Proxy;

/// <summary>
/// One HTTP client for every cluster with default client settings. YARP would create a handler (and a
/// connection pool) per cluster; a city has many services on the same agency host, and thousands of
/// services would mean thousands of pools. Timeouts are per request, so sharing changes nothing else.
/// </summary>
internal sealed class SharedForwarderHttpClientFactory(ILogger<ForwarderHttpClientFactory> logger) : IForwarderHttpClientFactory
{
    private readonly ForwarderHttpClientFactory _inner = new(logger);
    private readonly Lock _gate = new();
    private HttpMessageInvoker? _shared;

    public HttpMessageInvoker CreateClient(ForwarderHttpClientContext context)
    {
        if (context.NewConfig != HttpClientConfig.Empty)
        {
            return _inner.CreateClient(context);
        }

        lock (_gate)
        {
            return _shared ??= _inner.CreateClient(context);
        }
    }
}
