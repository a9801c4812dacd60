using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Gateway.Identity;

/// <summary>Settings of single sign-on (section <c>Identity</c>); see the README's configuration table and docs/identity.md.</summary>
public sealed class SignOnOptions
{
    public const string Section = "Identity";

    /// <summary>The issuer (<c>iss</c>) URL; empty: the address the request came to (fine behind one host name).</summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// Where the portal's sign-in reaches this gateway's own token endpoint (e.g. <c>http://127.0.0.1:8080</c>);
    /// empty: the first plain-HTTP address it listens on. Never the public name: a pod behind an ingress may
    /// not reach it (see docs/identity.md).
    /// </summary>
    [Url]
    public string? PortalTokenAddress { get; set; }

    [Range(1, 1440)]
    public int AccessTokenMinutes { get; set; } = 15;

    [Range(1, 1440)]
    public int IdentityTokenMinutes { get; set; } = 15;

    [Range(1, 60)]
    public int AuthorizationCodeMinutes { get; set; } = 5;

    [Range(1, 365)]
    public int RefreshTokenDays { get; set; } = 14;

    /// <summary>
    /// How long a refresh token that was already used may be used again (two tabs refreshing at once).
    /// 0: any second use is treated as theft and revokes the whole token family.
    /// </summary>
    [Range(0, 300)]
    public int RefreshTokenReuseLeewaySeconds { get; set; }

    /// <summary>
    /// How often each replica re-reads officers' and administrators' accounts: a disabled or signed-out
    /// staff account's tokens and cookies stop working within this many seconds.
    /// </summary>
    [Range(1, 300)]
    public int StaffCheckSeconds { get; set; } = 5;

    /// <summary>How long the sign-in cookie of the SatuPintu pages lasts without activity.</summary>
    [Range(5, 43200)]
    public int SessionMinutes { get; set; } = 480;

    /// <summary>How often spent tokens and unverified sign-ups are removed (see <c>IdentityHousekeeping</c>).</summary>
    [Range(1, 1440)]
    public int HousekeepingMinutes { get; set; } = 60;

    [ValidateObjectMembers]
    public SigningKeyOptions Keys { get; set; } = new();

    [ValidateObjectMembers]
    public ForwardedIdentityOptions ForwardedIdentity { get; set; } = new();

    [ValidateObjectMembers]
    public PasswordRuleOptions Passwords { get; set; } = new();

    [ValidateObjectMembers]
    public LockoutRuleOptions Lockout { get; set; } = new();

    [ValidateObjectMembers]
    public VerificationOptions Verification { get; set; } = new();
}

/// <summary>
/// Where the token signing and encryption keys come from. Empty lists: keys are generated on first start
/// and kept in <c>{Storage:DataDirectory}/identity-keys</c> (one instance). Production: certificate
/// files (PFX or PEM), the first of each list signs/encrypts, the others only verify/decrypt — that is
/// how a key is rotated without invalidating tokens still in flight.
/// </summary>
public sealed class SigningKeyOptions
{
    [ValidateEnumeratedItems]
    public List<CertificateFile> SigningCertificates { get; set; } = [];

    [ValidateEnumeratedItems]
    public List<CertificateFile> EncryptionCertificates { get; set; } = [];
}

public sealed class CertificateFile
{
    /// <summary>Path of a .pfx/.p12 file, or of a PEM certificate whose key is in <see cref="KeyPath"/>.</summary>
    [Required]
    public string Path { get; set; } = string.Empty;

    /// <summary>PEM private key file (for PEM certificates).</summary>
    public string? KeyPath { get; set; }

    /// <summary>Password of the PFX file; put it in a secret, not in appsettings.</summary>
    public string? Password { get; set; }
}

/// <summary>The identity token the proxy hands agency apps (header <c>X-SatuPintu-Identity</c>).</summary>
public sealed class ForwardedIdentityOptions
{
    /// <summary>How long one token is valid; the proxy re-uses it for the same person and agency until close to expiry.</summary>
    [Range(30, 3600)]
    public int LifetimeSeconds { get; set; } = 120;

    /// <summary>Agencies whose apps receive the citizen's NIK (they key their records by it); others never see it.</summary>
    public List<string> AgenciesSeeingNik { get; set; } = [];

    /// <summary>
    /// How often the counts of identities forwarded to agencies are written to the audit trail (and so to each
    /// resident's page); also written when the gateway stops.
    /// </summary>
    [Range(1, 3600)]
    public int RecordFlushSeconds { get; set; } = 300;
}

public sealed class PasswordRuleOptions
{
    [Range(8, 128)]
    public int MinimumLength { get; set; } = 10;

    /// <summary>
    /// PBKDF2-HMAC-SHA512 iterations of stored password hashes: OWASP's current recommendation (ASP.NET Core
    /// Identity's own default is 100,000). One sign-in costs about that many rounds of CPU — measured in
    /// bench/identity — which is why sign-in attempts are rate-limited. Hashes made with fewer iterations
    /// are upgraded at the account's next successful sign-in.
    /// </summary>
    [Range(100_000, 10_000_000)]
    public int HashIterations { get; set; } = 210_000;
}

public sealed class LockoutRuleOptions
{
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(1, 1440)]
    public int Minutes { get; set; } = 15;
}

public sealed class VerificationOptions
{
    /// <summary><c>File</c> (embedded default: codes go to a local file and the log) or <c>Smtp</c>.</summary>
    public VerificationSenderKind Sender { get; set; } = VerificationSenderKind.File;

    /// <summary>The file the File sender appends to; relative to the data directory.</summary>
    public string File { get; set; } = "verification-outbox.txt";

    [ValidateObjectMembers]
    public SmtpOptions Smtp { get; set; } = new();
}

public enum VerificationSenderKind
{
    File,
    Smtp,
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = string.Empty;

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public string? Username { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "SatuPintu <no-reply@satupintu.local>";

    /// <summary>STARTTLS (port 587) or implicit TLS (465); off only for a local relay.</summary>
    public bool UseTls { get; set; } = true;
}

[Microsoft.Extensions.Options.OptionsValidator]
internal sealed partial class SignOnOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<SignOnOptions>;
