using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Streetcar.Testing;

/// <summary>
/// A CKAN portal on 127.0.0.1 (a free port, loopback only) answering <c>package_show</c> for the TTC streetcar
/// package the way the City of Toronto portal does today (resource objects with id, name, format, url,
/// datastore_active, position, …; yearly XLSX uploads and a running "since 2025" datastore resource whose URL is a
/// dump path without a file name) and serving each resource's bytes.
/// </summary>
public sealed class CkanFixtureServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly List<string> _resourcesJson = [];
    private readonly Task _loop;

    public CkanFixtureServer()
    {
        using (var socket = new TcpListener(IPAddress.Loopback, 0))
        {
            socket.Start();
            BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)socket.LocalEndpoint).Port}/");
        }
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public List<string> Requests { get; } = [];

    /// <summary>Adds a resource uploaded as a file (<c>…/resource/{id}/download/{fileName}</c>).</summary>
    public CkanFixtureServer Upload(string name, string format, string fileName, byte[] bytes) =>
        Add(name, format, $"dataset/b68cb71b/resource/{Id(name, format)}/download/{fileName}", bytes, datastore: false);

    /// <summary>Adds a datastore resource whose URL is a dump path with no file name (<c>…/datastore/dump/{id}</c>).</summary>
    public CkanFixtureServer Datastore(string name, string format, byte[] bytes) =>
        Add(name, format, $"datastore/dump/{Id(name, format)}", bytes, datastore: true);

    private static string Id(string name, string format) => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(name + format))[..16];

    private CkanFixtureServer Add(string name, string format, string path, byte[] bytes, bool datastore)
    {
        _files["/" + path] = bytes;
        _resourcesJson.Add(
            $"{{\"cache_last_updated\": null, \"datastore_active\": {(datastore ? "true" : "false")}, " +
            $"\"format\": \"{format}\", \"id\": \"{Id(name, format)}\", \"is_datastore_cache_file\": false, " +
            $"\"last_modified\": \"2025-06-02T14:03:11.123456\", \"name\": \"{name}\", \"package_id\": \"b68cb71b\", " +
            $"\"position\": {_resourcesJson.Count}, \"url\": \"{BaseUrl}{path}\", \"url_type\": \"{(datastore ? "datastore" : "upload")}\"}}");
        return this;
    }

    private string PackageShow() =>
        "{\"help\": \"" + BaseUrl + "api/3/action/help_show?name=package_show\", \"success\": true, \"result\": " +
        "{\"id\": \"b68cb71b\", \"name\": \"ttc-streetcar-delay-data\", \"title\": \"TTC Streetcar Delay Data\", " +
        "\"num_resources\": " + _resourcesJson.Count + ", \"resources\": [" + string.Join(", ", _resourcesJson) + "]}}";

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var path = context.Request.Url!.PathAndQuery;
            lock (Requests)
            {
                Requests.Add(path);
            }
            var (status, body) = path == "/api/3/action/package_show?id=ttc-streetcar-delay-data"
                ? (200, Encoding.UTF8.GetBytes(PackageShow()))
                : _files.TryGetValue(path, out var bytes) ? (200, bytes) : (404, []);
            context.Response.StatusCode = status;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
