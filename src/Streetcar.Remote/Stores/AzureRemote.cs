using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Streetcar.Core.Cache;

namespace Streetcar.Remote.Stores;

/// <summary>
/// A remote in an Azure Blob Storage container. Layout: <c>&lt;stage&gt;/&lt;key&gt;/manifest.json</c> per entry,
/// and every file's content once under <c>objects/&lt;sha256&gt;</c> (named by its hash, so two publishers can never
/// write different bytes to one name, and entries that share a file share its blob). A publisher uploads the
/// missing objects first and the manifest last, with <c>If-None-Match: *</c>: the manifest is the commit point,
/// and a second publisher of the key is told it exists instead of overwriting it.
/// </summary>
public sealed class AzureRemote(BlobContainerClient container, string name) : IRemoteStore
{
    private const string Objects = "objects/";

    private static readonly BlobRequestConditions CreateOnly = new() { IfNoneMatch = ETag.All };

    public string Name { get; } = name;

    public IReadOnlyList<CacheKey> Entries() => AzureFailure.Guard(Name, () =>
        container.GetBlobs()
            .Select(blob => blob.Name.Split('/'))
            .Select(parts => parts.Length == 3 && parts[2] == CacheManifest.FileName && CacheKey.TryParse(parts[0], parts[1], out var key) ? key : null)
            .OfType<CacheKey>()
            .OrderBy(k => k.Stage, StringComparer.Ordinal).ThenBy(k => k.Hash, StringComparer.Ordinal)
            .ToList());

    public byte[]? ReadManifest(CacheKey key) => AzureFailure.Guard(Name, () =>
    {
        try
        {
            return container.GetBlobClient(ManifestName(key)).DownloadContent().Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            return null;
        }
    });

    public void Download(CacheKey key, CacheFile file, string destination) => AzureFailure.Guard(Name, () =>
    {
        try
        {
            container.GetBlobClient(Objects + file.Sha256).DownloadTo(destination);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            // A missing object is damage for the verifier to name (the file stays absent), not a remote failure.
            File.Delete(destination);
        }
        return 0;
    });

    public bool Publish(CacheKey key, string folder, CacheManifest manifest, Action<CacheFile>? sent = null) => AzureFailure.Guard(Name, () =>
    {
        foreach (var file in manifest.Files.DistinctBy(f => f.Sha256))
        {
            var blob = container.GetBlobClient(Objects + file.Sha256);
            if (!blob.Exists().Value)
            {
                try
                {
                    using var stream = File.OpenRead(Path.Combine(folder, file.Path));
                    blob.Upload(stream, new BlobUploadOptions { Conditions = CreateOnly });
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    // Another publisher uploaded the same content (same name, same hash) meanwhile.
                }
            }
            sent?.Invoke(file);
        }
        try
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, CacheManifest.FileName));
            container.GetBlobClient(ManifestName(key)).Upload(BinaryData.FromBytes(bytes), new BlobUploadOptions { Conditions = CreateOnly });
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    });

    private static string ManifestName(CacheKey key) => $"{key.Stage}/{key.Hash}/{CacheManifest.FileName}";
}
