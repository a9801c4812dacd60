using Microsoft.AspNetCore.Identity;

namespace Gateway.Identity.Accounts;

/// <summary>
/// One person with one SatuPintu login: a citizen (identified by NIK), an agency officer (belongs to an
/// agency) or a Diskominfo administrator. Which of these is a role; the account itself is the same.
/// </summary>
public sealed class GatewayUser : IdentityUser<Guid>
{
    public required string FullName { get; set; }

    /// <summary>The 16-digit national identity number; required for citizens, unique.</summary>
    public string? Nik { get; set; }

    /// <summary>The agency an officer works for (catalogue agency code); null for citizens and administrators.</summary>
    public string? AgencyCode { get; set; }

    /// <summary>The language the account's pages and messages default to (<c>id</c> or <c>en</c>).</summary>
    public string PreferredLanguage { get; set; } = "id";

    public DateTime CreatedAt { get; set; }
}
