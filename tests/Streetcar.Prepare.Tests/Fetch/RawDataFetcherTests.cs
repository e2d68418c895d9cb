using System.Net;
using System.Net.Sockets;
using System.Text;
using Streetcar.Core.Errors;
using Streetcar.Core.Hashing;
using Streetcar.Prepare.Fetch;
using Streetcar.Prepare.Tests.Fixtures;

namespace Streetcar.Prepare.Tests.Fetch;

public sealed class RawDataFetcherTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly byte[] _bytes = Encoding.UTF8.GetBytes("pretend workbook 2014");

    private string Source => Directory.CreateDirectory(_temp.File("source")).FullName;

    private string Target => _temp.File("raw");

    private WorkbookManifest Manifest(byte[]? bytes = null) =>
        new([new ManifestEntry("w-2014.xlsx", ContentHash.OfBytes(bytes ?? _bytes))]);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Copies_FromTheSourceFolder_AndVerifies()
    {
        File.WriteAllBytes(Path.Combine(Source, "w-2014.xlsx"), _bytes);

        var result = await RawDataFetcher.FetchAsync(Manifest(), new FetchOptions(Target, Source));

        var file = Assert.Single(result.Files);
        Assert.Equal(FetchOrigin.Copied, file.Origin);
        Assert.Equal(_bytes, File.ReadAllBytes(file.Path));
        Assert.False(result.NewVintageAccepted);
        Assert.Equal(["w-2014.xlsx"], Directory.GetFiles(Target).Select(Path.GetFileName));
    }

    [Fact]
    public async Task KeepsAFileThatIsAlreadyThere()
    {
        Directory.CreateDirectory(Target);
        File.WriteAllBytes(Path.Combine(Target, "w-2014.xlsx"), _bytes);

        var result = await RawDataFetcher.FetchAsync(Manifest(), new FetchOptions(Target));

        Assert.Equal(FetchOrigin.Present, Assert.Single(result.Files).Origin);
    }

    [Fact]
    public async Task HashMismatch_StopsWithFileNameAndBothHashes()
    {
        File.WriteAllBytes(Path.Combine(Source, "w-2014.xlsx"), Encoding.UTF8.GetBytes("another vintage"));

        var error = await Assert.ThrowsAsync<DataException>(() => RawDataFetcher.FetchAsync(Manifest(), new FetchOptions(Target, Source)));

        Assert.Contains("w-2014.xlsx: SHA-256 mismatch", error.Message);
        Assert.Contains(ContentHash.OfBytes(_bytes), error.Message);
        Assert.Contains(ContentHash.OfText("another vintage"), error.Message);
    }

    [Fact]
    public async Task NewVintage_AcceptedOnPurpose_IsRecorded()
    {
        File.WriteAllBytes(Path.Combine(Source, "w-2014.xlsx"), Encoding.UTF8.GetBytes("another vintage"));

        var result = await RawDataFetcher.FetchAsync(Manifest(), new FetchOptions(Target, Source, AcceptNewVintage: true));

        var file = Assert.Single(result.Files);
        Assert.True(file.IsNewVintage);
        Assert.Equal(ContentHash.OfText("another vintage"), file.Sha256);
        Assert.Equal(ContentHash.OfBytes(_bytes), file.PinnedSha256);
        Assert.True(result.NewVintageAccepted);
    }

    [Fact]
    public async Task MissingWorkbook_WithNowhereToGetItFrom_IsAnError()
    {
        var error = await Assert.ThrowsAsync<DataException>(() => RawDataFetcher.FetchAsync(Manifest(), new FetchOptions(Target, Source)));

        Assert.StartsWith("w-2014.xlsx: workbook missing from", error.Message);
        Assert.Contains("no portal", error.Message);
    }

    [Fact]
    public async Task MissingWorkbook_IsDownloadedFromTheCkanPortal()
    {
        using var portal = new FakePortal(_bytes);

        var result = await RawDataFetcher.FetchAsync(Manifest(), new FetchOptions(Target, PortalBaseUrl: portal.BaseUrl));

        Assert.Equal(FetchOrigin.Downloaded, Assert.Single(result.Files).Origin);
        Assert.Equal(_bytes, File.ReadAllBytes(Path.Combine(Target, "w-2014.xlsx")));
        Assert.Contains("/api/3/action/package_show?id=ttc-streetcar-delay-data", portal.Requests);
    }

    [Fact]
    public async Task PortalBaseUrl_WithAPathAndNoTrailingSlash_StillReachesTheApi()
    {
        using var portal = new FakePortal(_bytes, prefix: "ckan/");

        var result = await RawDataFetcher.FetchAsync(Manifest(), new FetchOptions(Target, PortalBaseUrl: new Uri(portal.BaseUrl.AbsoluteUri.TrimEnd('/'))));

        Assert.Equal(FetchOrigin.Downloaded, Assert.Single(result.Files).Origin);
    }

    [Fact]
    public async Task FailedDownload_LeavesNoPartialFile()
    {
        using var portal = new FakePortal(_bytes, failDownload: true);

        var error = await Assert.ThrowsAsync<DataException>(() =>
            RawDataFetcher.FetchAsync(Manifest(), new FetchOptions(Target, PortalBaseUrl: portal.BaseUrl)));

        Assert.Contains("download of 'ttc 2014' failed", error.Message);
        Assert.Empty(Directory.GetFiles(Target));
    }

    [Fact]
    public async Task WorkbookNotOnThePortal_ListsWhatIsThere()
    {
        using var portal = new FakePortal(_bytes);
        var manifest = new WorkbookManifest([new ManifestEntry("w-2031.xlsx", ContentHash.OfBytes(_bytes))]);

        var error = await Assert.ThrowsAsync<DataException>(() =>
            RawDataFetcher.FetchAsync(manifest, new FetchOptions(Target, PortalBaseUrl: portal.BaseUrl)));

        Assert.Contains("w-2031.xlsx: not among the resources", error.Message);
        Assert.Contains("ttc 2014", error.Message);
    }

    /// <summary>A CKAN portal on 127.0.0.1 (a free port) serving package_show and one workbook.</summary>
    private sealed class FakePortal : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly byte[] _workbook;
        private readonly bool _failDownload;
        private readonly Task _loop;
        private readonly string _prefix;

        public FakePortal(byte[] workbook, bool failDownload = false, string prefix = "")
        {
            _workbook = workbook;
            _failDownload = failDownload;
            _prefix = "/" + prefix;
            var port = FreePort();
            BaseUrl = new Uri($"http://127.0.0.1:{port}/{prefix}");
            _listener.Prefixes.Add(BaseUrl.ToString());
            _listener.Start();
            _loop = Task.Run(ServeAsync);
        }

        public Uri BaseUrl { get; }

        public List<string> Requests { get; } = [];

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }

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
                var path = "/" + context.Request.Url!.PathAndQuery[_prefix.Length..];
                lock (Requests)
                {
                    Requests.Add(path);
                }
                var (status, body) = path switch
                {
                    "/api/3/action/package_show?id=ttc-streetcar-delay-data" => (200, Encoding.UTF8.GetBytes(
                        "{\"success\": true, \"result\": {\"resources\": [" +
                        "{\"name\": \"readme\", \"url\": \"" + BaseUrl + "files/readme.txt\"}," +
                        "{\"name\": \"ttc 2014\", \"url\": \"" + BaseUrl + "files/w-2014.xlsx\"}]}}")),
                    "/files/w-2014.xlsx" when _failDownload => (500, Encoding.UTF8.GetBytes("boom")),
                    "/files/w-2014.xlsx" => (200, _workbook),
                    _ => (404, []),
                };
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
}
