namespace Gateway.Platform.Storage;

/// <summary>Where the embedded default keeps its files (SQLite database, generated admin key).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Relative paths are resolved against the host's content root.</summary>
    public string DataDirectory { get; set; } = "data";

    public string ResolveDataDirectory(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(DataDirectory) ? DataDirectory : Path.Combine(contentRoot, DataDirectory));

    /// <summary>A module's folder (uploads, photos): as given when rooted, else under the data directory.</summary>
    public string ResolveFolder(string contentRoot, string folder) =>
        Path.IsPathRooted(folder) ? folder : Path.Combine(ResolveDataDirectory(contentRoot), folder);
}
