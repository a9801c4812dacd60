using System.Net;
using System.Net.Sockets;

namespace Gateway.Testing;

/// <summary>
/// The gateway's three origins on one loopback port, as on a developer machine: <c>localhost</c> (portal),
/// <c>admin.localhost</c> and <c>apps.localhost</c>. Browsers and curl resolve <c>*.localhost</c> to loopback
/// themselves; .NET does not, so test clients connect through <see cref="Handler"/>.
/// </summary>
public static class LocalOrigins
{
    public const string Portal = "localhost";
    public const string Admin = "admin.localhost";
    public const string Apps = "apps.localhost";

    public static Uri PortalAt(int port) => new($"http://{Portal}:{port}");
    public static Uri AdminAt(int port) => new($"http://{Admin}:{port}");
    public static Uri AppsAt(int port) => new($"http://{Apps}:{port}");

    /// <summary>Resolves <c>localhost</c> and <c>*.localhost</c> to 127.0.0.1 (and everything else as usual).</summary>
    public static SocketsHttpHandler Handler(CookieContainer? cookies = null, bool followRedirects = true) => new()
    {
        ConnectCallback = ConnectAsync,
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
        AllowAutoRedirect = followRedirects,
    };

    public static HttpClient Client(Uri baseAddress) => new(Handler()) { BaseAddress = baseAddress };

    public static bool IsLocalName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var address = IsLocalName(host) ? IPAddress.Loopback : (await Dns.GetHostAddressesAsync(host, cancellationToken))[0];
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(address, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
