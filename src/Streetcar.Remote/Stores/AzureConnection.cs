using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Streetcar.Core.Errors;

namespace Streetcar.Remote.Stores;

/// <summary>
/// The container client of an <c>azure</c> remote, with credentials from the standard places, in this order: a
/// SAS in the URL; the connection string in the variable <c>remotes.yml</c> names; AZURE_STORAGE_CONNECTION_STRING;
/// AZURE_STORAGE_ACCOUNT with AZURE_STORAGE_KEY; else anonymous (a public container). The values are read from the
/// environment and handed to the SDK, never printed or stored.
/// </summary>
public static class AzureConnection
{
    public const string ConnectionStringVariable = "AZURE_STORAGE_CONNECTION_STRING";
    public const string AccountVariable = "AZURE_STORAGE_ACCOUNT";
    public const string KeyVariable = "AZURE_STORAGE_KEY";

    /// <summary>Opens the container at <paramref name="url"/>; <paramref name="variable"/>: a connection-string variable named in the config.</summary>
    public static AzureRemote Open(string url, string? variable, Func<string, string?> environment)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.AbsolutePath.Trim('/').Length == 0)
        {
            // Named without its query: a malformed URL may still carry a SAS.
            throw new PipelineException($"remote {url.Split('?')[0]}: not a container URL (https://ACCOUNT.blob.core.windows.net/CONTAINER)", ExitCodes.Usage);
        }
        // The name messages use: the URL without its query, where a SAS would be.
        var name = uri.GetLeftPart(UriPartial.Path);
        var options = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_11_05);
        // Fail in seconds, not minutes, when the endpoint is down; a transient error still gets retried.
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(60);
        if (uri.Query.Contains("sig=", StringComparison.Ordinal))
        {
            return new AzureRemote(new BlobContainerClient(uri, options), name);
        }
        var connection = variable is not null
            ? environment(variable) ?? throw new PipelineException($"remote {name}: the environment variable {variable} that {Config.RemotesConfig.FileName} names is not set")
            : environment(ConnectionStringVariable);
        if (!string.IsNullOrEmpty(connection))
        {
            return FromConnectionString(uri, name, connection, variable ?? ConnectionStringVariable, options);
        }
        if (environment(AccountVariable) is { Length: > 0 } account && environment(KeyVariable) is { Length: > 0 } key)
        {
            return new AzureRemote(new BlobContainerClient(uri, SharedKey(name, account, key, KeyVariable), options), name);
        }
        return new AzureRemote(new BlobContainerClient(uri, options), name);
    }

    private static AzureRemote FromConnectionString(Uri uri, string name, string connection, string variable, BlobClientOptions options)
    {
        var parts = connection.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (parts.TryGetValue("SharedAccessSignature", out var sas))
        {
            return new AzureRemote(new BlobContainerClient(uri, new AzureSasCredential(sas), options), name);
        }
        if (parts.TryGetValue("AccountName", out var account) && parts.TryGetValue("AccountKey", out var key))
        {
            return new AzureRemote(new BlobContainerClient(uri, SharedKey(name, account, key, variable), options), name);
        }
        throw new PipelineException($"remote {name}: the connection string in {variable} has neither AccountName with AccountKey nor SharedAccessSignature");
    }

    private static StorageSharedKeyCredential SharedKey(string name, string account, string key, string variable)
    {
        try
        {
            return new StorageSharedKeyCredential(account, key);
        }
        catch (FormatException)
        {
            throw new PipelineException($"remote {name}: the account key in {variable} is not valid base64");
        }
    }
}
