using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Identity.Server;

/// <summary>
/// The token signing and encryption keys. Production: certificate files from configuration (every one
/// is published in the JWKS; OpenIddict signs with the valid one that expires last, so adding a newer
/// certificate rotates without breaking tokens signed by the old one). Embedded default: RSA keys
/// generated on first start into <c>identity-keys/</c> of the data directory, newest first; drop a
/// newer <c>signing-*.pem</c> there to rotate.
/// </summary>
internal sealed class KeyRing
{
    private KeyRing(IReadOnlyList<SecurityKey> signing, IReadOnlyList<SecurityKey> encryption, string source)
    {
        Signing = signing;
        Encryption = encryption;
        Source = source;
    }

    public IReadOnlyList<SecurityKey> Signing { get; }
    public IReadOnlyList<SecurityKey> Encryption { get; }

    /// <summary>Where the keys came from, for the start-up log (never the keys themselves).</summary>
    public string Source { get; }

    public static KeyRing Load(SigningKeyOptions options, string dataDirectory)
    {
        if (options.SigningCertificates.Count > 0 || options.EncryptionCertificates.Count > 0)
        {
            if (options.SigningCertificates.Count == 0 || options.EncryptionCertificates.Count == 0)
            {
                throw new InvalidOperationException(
                    "Identity:Keys needs both SigningCertificates and EncryptionCertificates, or neither (generated keys).");
            }

            return new KeyRing(
                options.SigningCertificates.Select(LoadCertificate).ToList(),
                options.EncryptionCertificates.Select(LoadCertificate).ToList(),
                "certificate files");
        }

        var folder = Path.Combine(dataDirectory, "identity-keys");
        return new KeyRing(LoadOrCreate(folder, "signing"), LoadOrCreate(folder, "encryption"), folder);
    }

    private static X509SecurityKey LoadCertificate(CertificateFile file)
    {
        if (!File.Exists(file.Path))
        {
            throw new InvalidOperationException($"Identity:Keys: certificate file '{file.Path}' does not exist.");
        }

        var certificate = file.KeyPath is { Length: > 0 }
            ? X509Certificate2.CreateFromPemFile(file.Path, file.KeyPath)
            : X509CertificateLoader.LoadPkcs12FromFile(file.Path, file.Password, X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"Identity:Keys: certificate '{file.Path}' has no private key.");
        }

        return new X509SecurityKey(certificate);
    }

    /// <summary>Every <c>{purpose}-*.pem</c>, newest first (OpenIddict uses the first raw key); one is created when there is none.</summary>
    private static List<SecurityKey> LoadOrCreate(string folder, string purpose)
    {
        Directory.CreateDirectory(folder);
        var files = Directory.GetFiles(folder, $"{purpose}-*.pem").OrderDescending(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            var file = Path.Combine(folder, $"{purpose}-{DateTime.UtcNow:yyyyMMddHHmmss}.pem");
            using var rsa = RSA.Create(2048);
            File.WriteAllText(file, rsa.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            files.Add(file);
        }

        return files.Select(file =>
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(File.ReadAllText(file));
            // The key id is derived from the public key, so every instance and restart agrees on it.
            var key = new RsaSecurityKey(rsa);
            key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
            return (SecurityKey)key;
        }).ToList();
    }
}
