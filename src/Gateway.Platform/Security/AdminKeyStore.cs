using System.Security.Cryptography;
using System.Text;
using Gateway.Platform.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Platform.Security;

/// <summary>Holds only the SHA-256 of the admin key, so a memory dump or a log line never shows the key.</summary>
public sealed partial class AdminKeyStore
{
    private readonly byte[] _keyHash;

    public AdminKeyStore(IOptions<AdminKeyOptions> options, IOptions<StorageOptions> storage, IHostEnvironment environment, ILogger<AdminKeyStore> logger)
    {
        Enabled = options.Value.KeyEnabled;
        var key = options.Value.Key;
        if (!Enabled)
        {
            _keyHash = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            return;
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            var file = Path.Combine(storage.Value.ResolveDataDirectory(environment.ContentRootPath), "admin-key");
            key = ReadOrCreate(file);
            KeyFile = file;
            LogGenerated(logger, file);
        }

        _keyHash = Hash(key);
    }

    /// <summary>False when <c>Admin:KeyEnabled</c> turned the key off.</summary>
    public bool Enabled { get; }

    /// <summary>Where the generated key was written, or null when it came from configuration (or the key is off).</summary>
    public string? KeyFile { get; }

    public bool Matches(string candidate) => CryptographicOperations.FixedTimeEquals(Hash(candidate), _keyHash);

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    private static string ReadOrCreate(string file)
    {
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        File.WriteAllText(file, key + Environment.NewLine);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin:Key is not configured; the admin API key is in {File}. Configure Admin:Key for a real deployment.")]
    private static partial void LogGenerated(ILogger logger, string file);
}
