using Microsoft.AspNetCore.Identity;

namespace Gateway.Identity.Accounts;

/// <summary>
/// One person with one SatuPintu login: a citizen (identified by NIK), an agency officer (belongs to an
/// agency) or a Diskominfo administrator. Which of these is a role; the account itself is the same.
/// </summary>
public sealed class GatewayUser : IdentityUser<Guid>
{
    public required string FullName { get; set; }

    /// <summary>
    /// The 16-digit national identity number the citizen gave. Until <see cref="NikVerifiedAt"/> it is only
    /// claimed: several accounts may claim one NIK, one account at most holds it verified.
    /// </summary>
    public string? Nik { get; set; }

    /// <summary>When the NIK was confirmed as this person's; null while it is only claimed.</summary>
    public DateTime? NikVerifiedAt { get; set; }

    /// <summary>How: <c>counter</c> (an officer saw the KTP) or <c>registry</c> (the civil registry matched name and birth date).</summary>
    public string? NikVerification { get; set; }

    /// <summary>Who: the officer's account id, <c>admin-key</c>, or the registry adapter's name.</summary>
    public string? NikVerifiedBy { get; set; }

    public bool HasVerifiedNik => Nik is not null && NikVerifiedAt is not null;

    /// <summary>The agency an officer works for (catalogue agency code); null for citizens and administrators.</summary>
    public string? AgencyCode { get; set; }

    /// <summary>The language the account's pages and messages default to (<c>id</c> or <c>en</c>).</summary>
    public string PreferredLanguage { get; set; } = "id";

    public DateTime CreatedAt { get; set; }
}
