namespace Gateway.Platform.Security;

/// <summary>Where people sign in, on each origin; shared by the identity module and the refusal answers.</summary>
public static class SignInPaths
{
    /// <summary>The portal's sign-in page.</summary>
    public const string Portal = "/akun/masuk";

    /// <summary>
    /// Signs in to Portal Warga (as its <c>portal-warga</c> client, through <see cref="Portal"/> when needed);
    /// <c>kembali</c> is the portal path to return to.
    /// </summary>
    public const string PortalWarga = "/portal/masuk";

    /// <summary>
    /// The portal page that hands a signed-in person over to the apps origin (signing them in first if
    /// needed); <c>kembali</c> is the path on the apps origin to return to.
    /// </summary>
    public const string AppsHandOff = "/akun/ke-aplikasi";

    /// <summary>The staff sign-in page on the administration origin.</summary>
    public const string Staff = "/masuk";
}
