using Gateway.Adapters.Sdk.Contract;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Requests.Adapters;

/// <summary>
/// The civil registry behind an adapter service in the catalogue (<c>Requests:CivilRegistryService</c>): a
/// NIK check travels over the adapter contract, signed by the gateway and proven by the adapter like a
/// filing, so the gateway needs no civil-registry code of its own. Recorded as the NIK's verifier under the
/// same name a request filed there carries (<c>service:{slug}</c>).
/// </summary>
internal sealed partial class RemoteCivilRegistry(
    AdapterConnections connections, IOptions<RequestOptions> options, ILogger<RemoteCivilRegistry> logger) : ICivilRegistry
{
    private string Slug => options.Value.CivilRegistryService!;

    public string Name => AdapterConnections.ServicePrefix + Slug;

    public async Task<RegistryAnswer> CheckAsync(RegistryQuery query, CancellationToken cancellationToken)
    {
        if (connections.ClientFor(Slug) is not { } client)
        {
            LogNotAnAdapterService(logger, Slug);
            return RegistryAnswer.Unavailable;
        }

        var (answer, problem) = await client.CheckCivilRegistryAsync(query, cancellationToken);
        if (problem is not null)
        {
            LogUnavailable(logger, Slug, problem); // the reason only: never the NIK or the name
        }

        return answer;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "NIK check: Requests:CivilRegistryService names {Service}, which is not in the catalogue as an adapter service (upstream authentication 'adapter')")]
    private static partial void LogNotAnAdapterService(ILogger logger, string service);

    [LoggerMessage(Level = LogLevel.Warning, Message = "NIK check: the civil registry behind {Service} could not be asked: {Problem}")]
    private static partial void LogUnavailable(ILogger logger, string service, string problem);
}
