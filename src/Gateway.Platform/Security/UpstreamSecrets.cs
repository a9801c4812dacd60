using Microsoft.AspNetCore.DataProtection;

namespace Gateway.Platform.Security;

/// <summary>
/// Encrypts upstream API keys and passwords before they reach the database (ASP.NET Core Data
/// Protection, keys shared by all replicas). Decrypted only when routes are built.
/// </summary>
public sealed class UpstreamSecrets(IDataProtectionProvider provider)
{
    public const string DefaultApiKeyHeader = "X-Api-Key";

    private readonly IDataProtector _protector = provider.CreateProtector("SatuPintu.Catalogue.UpstreamSecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
