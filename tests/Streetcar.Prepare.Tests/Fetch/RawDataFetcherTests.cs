using System.Text;
using Streetcar.Core.Errors;
using Streetcar.Core.Hashing;
using Streetcar.Prepare.Fetch;

namespace Streetcar.Prepare.Tests.Fetch;

public sealed class RawDataFetcherTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly byte[] _bytes = Encoding.UTF8.GetBytes("pretend workbook 2014");

    private string Source => Directory.CreateDirectory(_temp.Sub("source")).FullName;

    private string Target => _temp.Sub("raw");

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
        using var portal = new OneWorkbookPortal(_bytes);

        var result = await RawDataFetcher.FetchAsync(Manifest(), new FetchOptions(Target, PortalBaseUrl: portal.BaseUrl));

        Assert.Equal(FetchOrigin.Downloaded, Assert.Single(result.Files).Origin);
        Assert.Equal(_bytes, File.ReadAllBytes(Path.Combine(Target, "w-2014.xlsx")));
        Assert.Contains("/api/3/action/package_show?id=ttc-streetcar-delay-data", portal.Requests);
    }

    [Fact]
    public async Task PortalBaseUrl_WithAPathAndNoTrailingSlash_StillReachesTheApi()
    {
        using var portal = new OneWorkbookPortal(_bytes, prefix: "ckan/");

        var result = await RawDataFetcher.FetchAsync(Manifest(), new FetchOptions(Target, PortalBaseUrl: new Uri(portal.BaseUrl.AbsoluteUri.TrimEnd('/'))));

        Assert.Equal(FetchOrigin.Downloaded, Assert.Single(result.Files).Origin);
    }

    [Fact]
    public async Task FailedDownload_LeavesNoPartialFile()
    {
        using var portal = new OneWorkbookPortal(_bytes, failDownload: true);

        var error = await Assert.ThrowsAsync<DataException>(() =>
            RawDataFetcher.FetchAsync(Manifest(), new FetchOptions(Target, PortalBaseUrl: portal.BaseUrl)));

        Assert.Contains("download of 'ttc 2014' failed", error.Message);
        Assert.Empty(Directory.GetFiles(Target));
    }

    [Fact]
    public async Task WorkbookNotOnThePortal_ListsWhatIsThere()
    {
        using var portal = new OneWorkbookPortal(_bytes);
        var manifest = new WorkbookManifest([new ManifestEntry("w-2031.xlsx", ContentHash.OfBytes(_bytes))]);

        var error = await Assert.ThrowsAsync<DataException>(() =>
            RawDataFetcher.FetchAsync(manifest, new FetchOptions(Target, PortalBaseUrl: portal.BaseUrl)));

        Assert.Contains("w-2031.xlsx: not among the resources", error.Message);
        Assert.Contains("ttc 2014", error.Message);
    }
}
