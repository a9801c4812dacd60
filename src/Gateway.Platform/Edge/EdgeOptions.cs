using System.ComponentModel.DataAnnotations;

namespace Gateway.Platform.Edge;

/// <summary>
/// How the gateway meets the internet (section <c>Edge</c>): its three host names, whether plain HTTP is
/// allowed (a developer machine only), which proxies in front of it are trusted to say where a request
/// came from, and which networks it may call out to. See docs/security.md.
/// </summary>
public sealed class EdgeOptions
{
    public const string Section = "Edge";

    public EdgeHostOptions Hosts { get; set; } = new();

    /// <summary>
    /// Serve everything over plain HTTP: cookies without <c>Secure</c> (and without the <c>__Host-</c>
    /// prefix), no HSTS, the OpenID Connect server without its transport check. Development and tests only;
    /// refused in any other environment.
    /// </summary>
    public bool AllowHttp { get; set; }

    public TrustedProxyOptions ForwardedHeaders { get; set; } = new();

    public OutboundOptions Outbound { get; set; } = new();

    /// <summary>HSTS <c>max-age</c> in days, sent on HTTPS answers outside Development.</summary>
    [Range(1, 730)]
    public int HstsMaxAgeDays { get; set; } = 365;
}

/// <summary>
/// The three origins. People-facing pages and their APIs, administration, and the proxied agency apps
/// each get their own host name, so a script in a legacy app can never ride a citizen's or an
/// administrator's session. On a developer machine browsers and curl resolve <c>*.localhost</c> to loopback.
/// </summary>
public sealed class EdgeHostOptions
{
    /// <summary>Sign-in, account, Portal Warga, the public APIs (<c>/api/catalogue</c>, <c>/api/requests</c>, …), OpenID Connect.</summary>
    [Required]
    public string Portal { get; set; } = "localhost";

    /// <summary>The admin API, officers' API, staff sign-in and API documentation.</summary>
    [Required]
    public string Admin { get; set; } = "admin.localhost";

    /// <summary>The proxied agency apps.</summary>
    [Required]
    public string Apps { get; set; } = "apps.localhost";
}

/// <summary>
/// Forwarded headers (<c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c>) are believed only from these. The
/// proxy must pass the <c>Host</c> header through unchanged (ingress-nginx and haproxy do by default):
/// <c>X-Forwarded-Host</c> is never believed.
/// </summary>
public sealed class TrustedProxyOptions
{
    /// <summary>Addresses of the TLS-terminating proxies (the ingress controller). Loopback is always trusted.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR form, e.g. the cluster's pod network <c>10.0.0.0/8</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies deep to look (1: one ingress in front).</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;
}

/// <summary>
/// Where the gateway may connect to on a caller's behalf: agency app destinations, their health URLs and
/// webhook URLs. Checked when they are registered and again at connect time (so a name that later
/// resolves elsewhere — DNS rebinding — is still refused).
/// </summary>
public sealed class OutboundOptions
{
    /// <summary>
    /// Networks (CIDR) refused in addition to the built-in ones. Outside Development the built-in list is
    /// loopback, link-local (with the cloud metadata address 169.254.169.254), unspecified and multicast.
    /// </summary>
    public List<string> DeniedNetworks { get; set; } = [];

    /// <summary>Networks allowed even though the built-in list denies them (e.g. a sidecar on loopback).</summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>
    /// Apply the built-in denied list (loopback, link-local and metadata, unspecified, multicast, and the
    /// gateway's own host names). Null: on outside Development, off in Development, where the demo's sample
    /// apps run on loopback. Agency networks (10.0.0.0/8, 192.168.0.0/16, …) are never denied by default:
    /// that is where a city's department apps live.
    /// </summary>
    public bool? DenyLocalAddresses { get; set; }
}
