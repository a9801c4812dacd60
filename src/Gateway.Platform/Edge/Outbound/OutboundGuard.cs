using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Gateway.Platform.Hosting;
using Gateway.Platform.Localization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Platform.Edge.Outbound;

/// <summary>
/// Where the gateway may connect on someone's behalf (agency destinations and their health checks,
/// webhooks): a server-side request forgery guard. An administrator's URL — or a stolen administrator
/// session's — must not make the gateway call its own admin API, the cloud's metadata service or a
/// sidecar on loopback. Checked when a URL is registered (<see cref="Check"/>, a clear error naming it)
/// and again when connecting (<see cref="ConnectAsync"/>), against the addresses the name resolves to
/// then: a name that resolved elsewhere at registration (DNS rebinding) is still refused.
/// </summary>
public sealed class OutboundGuard
{
    // Outside Development: loopback, "this network", link-local (the 169.254.169.254 metadata service
    // among them), multicast, and the cloud metadata addresses that live elsewhere.
    private static readonly IPNetwork[] LocalNetworks =
    [
        IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("100.100.100.200/32"),
        IPNetwork.Parse("::1/128"), IPNetwork.Parse("::/128"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("ff00::/8"),
        IPNetwork.Parse("fd00:ec2::254/128"),
    ];

    private readonly IPNetwork[] _denied;
    private readonly IPNetwork[] _allowed;
    private readonly bool _denyLocal;
    private readonly string[] _ownHosts;
    private readonly Lazy<HashSet<IPAddress>> _ownAddresses = new(OwnAddresses);

    public OutboundGuard(IOptions<EdgeOptions> options, IHostEnvironment environment)
    {
        var outbound = options.Value.Outbound;
        _denyLocal = outbound.DenyLocalAddresses ?? !environment.IsDevelopmentLike();
        _denied = [.. (_denyLocal ? LocalNetworks : []), .. outbound.DeniedNetworks.Select(n => IPNetwork.Parse(n))];
        _allowed = [.. outbound.AllowedNetworks.Select(n => IPNetwork.Parse(n))];
        var hosts = options.Value.Hosts;
        _ownHosts = [.. new[] { hosts.Portal, hosts.Admin, hosts.Apps }.Select(h => h.Split(':')[0])];
    }

    /// <summary>Null when <paramref name="url"/> may be called; otherwise why not, for the person who registered it.</summary>
    public async Task<BilingualText?> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return new BilingualText("Hanya alamat http atau https.", "Only http or https addresses.");
        }

        if (_denyLocal && _ownHosts.Contains(url.IdnHost, StringComparer.OrdinalIgnoreCase))
        {
            return Refused(url.Host, new BilingualText("alamat gateway ini sendiri", "this gateway's own address"));
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(url.IdnHost, cancellationToken);
            }
            catch (SocketException)
            {
                // Not resolvable from here now (an agency's internal name, a down DNS): checked again at connect time.
                return null;
            }
        }

        return addresses.FirstOrDefault(a => !IsAllowed(a)) is { } denied
            ? Refused(url.Host, new BilingualText($"alamat {denied} yang tidak diizinkan", $"the address {denied}, which is not allowed"))
            : null;
    }

    /// <summary>True when the gateway may open a connection to <paramref name="address"/>.</summary>
    public bool IsAllowed(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (_allowed.Any(n => n.Contains(address)))
        {
            return true;
        }

        return !_denied.Any(n => n.Contains(address)) && !(_denyLocal && _ownAddresses.Value.Contains(address));
    }

    /// <summary>
    /// A <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the name, drops every address the policy
    /// denies, connects to the first that remains — or refuses with <see cref="OutboundRefusedException"/>.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var permitted = addresses.Where(IsAllowed).ToList();
        if (permitted.Count == 0)
        {
            throw new OutboundRefusedException(endpoint.Host);
        }

        Exception? last = null;
        foreach (var address in permitted)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
        }

        throw last!;
    }

    private static BilingualText Refused(string host, BilingualText why) => new(
        $"Gateway tidak diizinkan menghubungi {host}: {why.Id}. Daftarkan alamat aplikasi dinas di jaringan kota (Edge:Outbound).",
        $"The gateway may not connect to {host}: {why.En}. Register the agency app's address on the city's network (Edge:Outbound).");

    /// <summary>The machine's own addresses: a destination there is the gateway (or its pod) itself.</summary>
    private static HashSet<IPAddress> OwnAddresses()
    {
        try
        {
            return [.. NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address)];
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    }
}

/// <summary>A connection the outbound policy refused (the name resolved only to denied addresses).</summary>
public sealed class OutboundRefusedException(string host)
    : HttpRequestException($"The outbound policy refuses every address of {host} (Edge:Outbound).")
{
    public string Host { get; } = host;
}
