namespace Gateway.Platform.Security;

/// <summary>The gateway's roles, carried in tokens as <c>role</c> claims.</summary>
public static class Roles
{
    /// <summary>Diskominfo staff who run the gateway.</summary>
    public const string Admin = "admin";

    /// <summary>A resident with a verified SatuPintu account (identified by NIK).</summary>
    public const string Citizen = "citizen";

    /// <summary>Staff of an agency; their token also carries the agency's code.</summary>
    public const string Officer = "officer";
}

public static class Policies
{
    /// <summary>Required by every <c>/api/admin</c> endpoint.</summary>
    public const string Admin = "admin";

    /// <summary>An agency's officer (token or staff cookie) with their agency: <c>/api/agency</c> endpoints show only that agency's work.</summary>
    public const string Officer = "officer";

    /// <summary>A signed-in citizen (token or the portal's session): their own requests, complaints and data.</summary>
    public const string Citizen = "citizen";
}

/// <summary>Claim types of the gateway's own (beyond the OpenID Connect standard ones).</summary>
public static class GatewayClaims
{
    /// <summary>The officer's agency code.</summary>
    public const string Agency = "agency";

    /// <summary>The citizen's NIK, present only once it is verified; only for clients allowed the <c>nik</c> scope.</summary>
    public const string Nik = "nik";

    /// <summary>On staff access tokens: which sign-in of the account issued them (a hash, not the security stamp).</summary>
    public const string SessionStamp = "satupintu_stamp";

    /// <summary>How sure the gateway is that the NIK is this person's: <see cref="NikAssurance"/>.</summary>
    public const string NikAssurance = "nik_assurance";
}

/// <summary>
/// Levels of assurance of a citizen's NIK. Anyone can type a well-formed NIK, so a self-registered one is
/// only <see cref="Claimed"/>; it is <see cref="Verified"/> once an officer has seen the KTP at a counter or
/// the civil registry matched it with the person's name and date of birth.
/// </summary>
public static class NikAssurance
{
    public const string Claimed = "claimed";
    public const string Verified = "verified";

    /// <summary>What a citizen with a claimed NIK is told by a service that needs a verified one.</summary>
    public static readonly Localization.BilingualText NotVerified = new(
        "Layanan ini memerlukan NIK yang terverifikasi. Verifikasi NIK Anda di /akun/nik (dicocokkan dengan data Disdukcapil) atau di loket dengan KTP-el.",
        "This service needs a verified NIK. Verify yours at /akun/nik (matched with the civil registry) or at a counter with your e-KTP.");

    /// <summary>
    /// The gateway vouched that the NIK is verified. The NIK itself travels only where the app was allowed
    /// it (the <c>nik</c> scope), so a verified citizen's token may say "verified" without the number.
    /// </summary>
    public static bool IsVerified(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst(GatewayClaims.NikAssurance)?.Value == Verified;
}
