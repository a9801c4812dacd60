using Gateway.Platform.Edge.Outbound;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Proxy.Forwarding;

/// <summary>
/// One HTTP client for every cluster with default client settings. YARP would create a handler (and a
/// connection pool) per cluster; a city has many services on the same agency host, and thousands of
/// services would mean thousands of pools. Timeouts are per request, so sharing changes nothing else.
/// </summary>
internal sealed class SharedForwarderHttpClientFactory(ILogger<ForwarderHttpClientFactory> logger, OutboundGuard outbound) : IForwarderHttpClientFactory
{
    private readonly GuardedForwarderHttpClientFactory _inner = new(logger, outbound);
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

/// <summary>YARP's client factory with the outbound policy applied when each connection is opened.</summary>
internal sealed class GuardedForwarderHttpClientFactory(ILogger<ForwarderHttpClientFactory> logger, OutboundGuard outbound) : ForwarderHttpClientFactory(logger)
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.ConnectCallback = outbound.ConnectAsync;
    }
}
