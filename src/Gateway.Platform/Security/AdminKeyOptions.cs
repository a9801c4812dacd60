namespace Gateway.Platform.Security;

/// <summary>
/// The bootstrap and break-glass key for <c>/api/admin</c>: a shared key sent in the <c>X-Admin-Key</c>
/// header, accepted only from a connection made on the server itself (never through a proxy). Leave
/// <see cref="Key"/> empty and the gateway generates one on first start and writes it to
/// <c>{Storage:DataDirectory}/admin-key</c> (readable by the owner only). Turn it off
/// (<see cref="KeyEnabled"/>) once administrators sign in, or where a sidecar forwards from loopback.
/// </summary>
public sealed class AdminKeyOptions
{
    public const string Section = "Admin";
    public const string HeaderName = "X-Admin-Key";

    /// <summary>The authentication scheme of the admin key, for policies that accept it.</summary>
    public const string SchemeName = "AdminKey";
    public const int MinimumLength = 24;

    public string? Key { get; set; }

    /// <summary>Accept the key at all. Off: no key is generated and the header is refused.</summary>
    public bool KeyEnabled { get; set; } = true;
}
