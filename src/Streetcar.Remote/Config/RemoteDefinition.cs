namespace Streetcar.Remote.Config;

/// <summary>One remote of <c>remotes.yml</c>: a kind and where it is. Credentials are never written here.</summary>
public sealed record RemoteDefinition
{
    /// <summary><c>azure</c> or <c>directory</c> (no S3: see the README's "Sharing the cache").</summary>
    public string Kind { get; init; } = "";

    /// <summary>For <c>azure</c>: the container URL, <c>https://ACCOUNT.blob.core.windows.net/CONTAINER</c> (a SAS query allowed).</summary>
    public string? Url { get; init; }

    /// <summary>For <c>azure</c>: the environment variable holding a connection string (instead of AZURE_STORAGE_CONNECTION_STRING).</summary>
    public string? ConnectionStringVariable { get; init; }

    /// <summary>For <c>directory</c>: the folder, absolute or relative to the project root.</summary>
    public string? Path { get; init; }
}
