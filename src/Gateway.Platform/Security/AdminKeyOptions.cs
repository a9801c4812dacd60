namespace Gateway.Platform.Security;

/// <summary>
/// The interim protection of <c>/api/admin</c> until single sign-on lands: a shared key sent in the
/// <c>X-Admin-Key</c> header. Leave <see cref="Key"/> empty and the gateway generates one on first start
/// and writes it to <c>{Storage:DataDirectory}/admin-key</c> (readable by the owner only).
/// </summary>
public sealed class AdminKeyOptions
{
    public const string Section = "Admin";
    public const string HeaderName = "X-Admin-Key";

    /// <summary>The authentication scheme of the admin key, for policies that accept it.</summary>
    public const string SchemeName = "AdminKey";
    public const int MinimumLength = 24;

    public string? Key { get; set; }
}
