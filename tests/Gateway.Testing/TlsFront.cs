using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.Testing;

/// <summary>
/// haproxy (Debian's) terminating TLS in front of a gateway, as an ingress does: a certificate made here
/// for the three origins' names, <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto: https</c> added, the
/// Host header passed through. Clients made by <see cref="CreateClient"/> trust that certificate only.
/// </summary>
public sealed class TlsFront : IAsyncDisposable
{
    private readonly Process _haproxy;
    private readonly string _folder;

    private TlsFront(Process haproxy, string folder, int port, X509Certificate2 certificate)
    {
        _haproxy = haproxy;
        _folder = folder;
        Port = port;
        Certificate = certificate;
    }

    public int Port { get; }

    public X509Certificate2 Certificate { get; }

    /// <summary>A certificate for <paramref name="names"/>, and haproxy listening on a free loopback port, forwarding to <paramref name="backendPort"/>.</summary>
    public static async Task<TlsFront> StartAsync(IReadOnlyList<string> names, int backendPort)
    {
        var haproxy = File.Exists("/usr/sbin/haproxy") ? "/usr/sbin/haproxy" : "haproxy";
        var folder = Path.Combine(Path.GetTempPath(), "satupintu-tls", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={names[0]}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            san.AddDnsName(name);
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var pem = Path.Combine(folder, "front.pem");
        await File.WriteAllTextAsync(pem, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n");

        var port = FreePort();
        var config = Path.Combine(folder, "haproxy.cfg");
        await File.WriteAllTextAsync(config, $"""
            global
                maxconn 256
            defaults
                mode http
                timeout connect 5s
                timeout client 30s
                timeout server 30s
            frontend tls
                bind 127.0.0.1:{port} ssl crt {pem}
                option forwardfor
                http-request set-header X-Forwarded-Proto https
                default_backend gateway
            backend gateway
                server gateway 127.0.0.1:{backendPort}
            """ + "\n"); // haproxy refuses a configuration without a final newline
        var start = new ProcessStartInfo(haproxy) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-db"); // foreground, no daemon: it ends with this test
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(config);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("haproxy did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("This test needs haproxy (apt-get install haproxy; bash .ci/run installs it).", e);
        }

        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var front = new TlsFront(process, folder, port, certificate);
        await Eventually.HoldsAsync(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"haproxy exited with {process.ExitCode}: {string.Join(" | ", output)}");
            }

            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, "haproxy to listen", TimeSpan.FromSeconds(20));
        return front;
    }

    /// <summary>An https client of <paramref name="host"/> through the front, keeping cookies, not following redirects.</summary>
    public HttpClient CreateClient(string host, CookieContainer? cookies = null)
    {
        var handler = LocalOrigins.Handler(cookies, followRedirects: false);
        handler.SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == Certificate.GetCertHashString(),
        };
        return new HttpClient(handler) { BaseAddress = new Uri($"https://{host}:{Port}") };
    }

    public async ValueTask DisposeAsync()
    {
        if (!_haproxy.HasExited)
        {
            _haproxy.Kill(entireProcessTree: true);
            await _haproxy.WaitForExitAsync();
        }

        _haproxy.Dispose();
        Certificate.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
