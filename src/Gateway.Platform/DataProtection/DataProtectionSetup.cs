using System.Security.Cryptography.X509Certificates;
using Gateway.Platform.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gateway.Platform.DataProtection;

/// <summary>Settings of section <c>DataProtection</c>.</summary>
public sealed class DataProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PFX certificate that encrypts the keys at rest. Required outside Development; without it (Development only) keys are stored unencrypted.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}

public static class DataProtectionSetup
{
    public const string DatabaseName = "platform";

    public static IHostApplicationBuilder AddSharedDataProtection(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDatabase<KeyStoreDbContext, SqliteKeyStoreDbContext, PostgresKeyStoreDbContext>(DatabaseName);
        var options = builder.Configuration.GetSection(DataProtectionOptions.Section).Get<DataProtectionOptions>() ?? new();
        if (string.IsNullOrWhiteSpace(options.CertificatePath) && !Hosting.GatewayEnvironments.IsDevelopmentLike(builder.Environment))
        {
            // The keys protect sessions, tickets and the agency apps' upstream secrets in the database.
            throw new InvalidOperationException(
                $"DataProtection:CertificatePath is required in the {builder.Environment.EnvironmentName} environment: the data-protection keys " +
                "(which protect sessions and the stored upstream secrets) must be encrypted at rest. Give a PFX certificate and its password " +
                "(DataProtection:CertificatePassword, from a secret).");
        }

        var protection = builder.Services.AddDataProtection()
            .SetApplicationName("SatuPintu")
            .PersistKeysToDbContext<KeyStoreDbContext>();
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            protection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword));
        }

        return builder;
    }
}
