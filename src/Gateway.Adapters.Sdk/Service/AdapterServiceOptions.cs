using System.ComponentModel.DataAnnotations;

namespace Gateway.Adapters.Sdk.Service;

/// <summary>
/// Settings of an adapter run as its own service (section <c>AdapterService</c>). The legacy app's own
/// settings stay under <c>Adapters:{Adapter}</c> as before. The key comes from a Secret
/// (<c>AdapterService__Key</c>), never from a committed file.
/// </summary>
public sealed class AdapterServiceOptions
{
    public const string Section = "AdapterService";

    /// <summary>Which registered adapter this service runs, e.g. <c>Dpmptsp</c>.</summary>
    [Required]
    public string Adapter { get; set; } = "";

    /// <summary>The agency whose apps this adapter fronts: the audience of the forwarded identity it accepts.</summary>
    [Required]
    public string AgencyCode { get; set; } = "";

    /// <summary>
    /// The adapter's key, registered with the gateway as the service's upstream secret (kind <c>adapter</c>).
    /// It proves to the gateway that this adapter answered; it is never sent.
    /// </summary>
    [Required]
    [MinLength(Protocol.AdapterProtocol.MinimumKeyLength)]
    public string Key { get; set; } = "";

    /// <summary>The gateway's address, e.g. <c>https://satupintu.bandung.go.id/</c>: its signing keys are read from there.</summary>
    [Required]
    public Uri? Gateway { get; set; }

    /// <summary>The issuer the gateway's tokens must name; empty: any token signed with the gateway's keys.</summary>
    public string? GatewayIssuer { get; set; }

    /// <summary>Read the gateway's keys over plain HTTP: a developer machine or a test only.</summary>
    public bool AllowHttp { get; set; }
}
