namespace Gateway.Testing;

/// <summary>
/// The repository's root folder (where Gateway.sln is), for tests that compare committed files (OpenAPI,
/// WSDL) or copy build settings. Linked as source into the test projects that need it, some of which
/// reference nothing else of the gateway.
/// </summary>
internal static class RepositoryRoot
{
    public static readonly string Path = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Gateway.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Gateway.sln not found above " + AppContext.BaseDirectory);
    }
}
