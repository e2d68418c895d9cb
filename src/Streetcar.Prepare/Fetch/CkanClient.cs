using System.Text.Json;
using Streetcar.Core.Errors;

namespace Streetcar.Prepare.Fetch;

/// <summary>
/// The two CKAN calls the fetcher needs: <c>api/3/action/package_show?id=…</c> (the package's resources, each with
/// a <c>name</c>, a <c>url</c> and a <c>format</c> such as <c>XLSX</c> or <c>CSV</c>) and downloading a resource's bytes.
/// </summary>
public sealed class CkanClient(HttpClient http, Uri portal)
{
    // A base without a trailing slash would lose its last path segment when the API path is resolved against it.
    private readonly Uri _baseUrl = portal.AbsoluteUri.EndsWith('/') ? portal : new Uri(portal.AbsoluteUri + "/");

    /// <summary>A downloadable resource of a package; <paramref name="Format"/> as the portal states it ("" when absent).</summary>
    public sealed record Resource(string Name, Uri Url, string Format = "");

    /// <summary>The resources of package <paramref name="packageId"/>.</summary>
    public async Task<IReadOnlyList<Resource>> ResourcesAsync(string packageId, CancellationToken cancel = default)
    {
        var url = new Uri(_baseUrl, $"api/3/action/package_show?id={Uri.EscapeDataString(packageId)}");
        string json;
        try
        {
            json = await http.GetStringAsync(url, cancel).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new DataException($"{url}: cannot list the portal's workbooks ({e.Message})");
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (!root.TryGetProperty("success", out var success) || !success.GetBoolean())
            {
                throw new DataException($"{url}: the portal answered without success");
            }
            return root.GetProperty("result").GetProperty("resources").EnumerateArray()
                .Where(r => r.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String)
                .Select(r => new Resource(
                    r.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "",
                    new Uri(_baseUrl, r.GetProperty("url").GetString()!),
                    r.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() ?? "" : ""))
                .ToArray();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or UriFormatException)
        {
            throw new DataException($"{url}: unexpected package_show answer ({e.Message})");
        }
    }

    /// <summary>Downloads <paramref name="resource"/> into <paramref name="path"/>.</summary>
    public async Task DownloadAsync(Resource resource, string path, CancellationToken cancel = default)
    {
        try
        {
            using var response = await http.GetAsync(resource.Url, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await using var target = File.Create(path);
            await response.Content.CopyToAsync(target, cancel).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new DataException($"{resource.Url}: download of '{resource.Name}' failed ({e.Message})");
        }
    }
}
