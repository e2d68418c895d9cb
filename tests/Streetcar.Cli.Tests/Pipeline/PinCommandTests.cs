using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Core.Hashing;

namespace Streetcar.Cli.Tests.Pipeline;

/// <summary><c>streetcar pin</c>: a deliberate vintage update written to data/workbooks.sha256 (issue 14).</summary>
[Collection(SliceCollection.Name)]
public sealed class PinCommandTests
{
    [Fact]
    public void GivenAnotherVintageInTheSource_WhenPinned_ThenTheManifestHoldsItsHash_AndFetchAcceptsItWithoutTheOption()
    {
        using var workspace = TestWorkspace.Create();
        var source = workspace.PathOf("republished");
        Directory.CreateDirectory(source);
        var workbook = Path.Combine(source, SliceFiles.Workbook);
        XlsxWriter.Write(workbook, ("Sheet1", []), ("2014",
        [
            Sheets.Header,
            Sheets.Row(new DateTime(2014, 1, 2), 501.0, TimeSpan.FromHours(8), "QUEEN AND YONGE", 10, "E/B", 4001.0),
        ]));
        var refused = workspace.Run("fetch", "--data-source", source);

        var pin = workspace.Run("pin", "--data-source", source);
        var fetch = workspace.Run("fetch", "--data-source", source);

        Assert.Equal(4, refused.ExitCode);
        Assert.True(pin.ExitCode == 0, pin.ToString());
        Assert.Contains($"{SliceFiles.Workbook}: updated", pin.Output, StringComparison.Ordinal);
        Assert.Equal($"{ContentHash.OfFile(workbook)}  {SliceFiles.Workbook}\n", File.ReadAllText(workspace.PathOf("data/workbooks.sha256")));
        Assert.True(fetch.ExitCode == 0, fetch.ToString());
    }

    [Fact]
    public void GivenThePinnedFileInDataRaw_WhenPinnedFromAnotherSource_ThenTheSourcesBytesArePinnedAndInPlace()
    {
        using var workspace = TestWorkspace.Create();
        Assert.Equal(0, workspace.Run("fetch", "--data-source", workspace.DataSource).ExitCode);
        var source = Republished(workspace);

        var pin = workspace.Run("pin", "--data-source", source);

        Assert.True(pin.ExitCode == 0, pin.ToString());
        var sourceHash = ContentHash.OfFile(Path.Combine(source, SliceFiles.Workbook));
        Assert.Equal($"{sourceHash}  {SliceFiles.Workbook}\n", File.ReadAllText(workspace.PathOf("data/workbooks.sha256")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(source, SliceFiles.Workbook)), File.ReadAllBytes(workspace.PathOf("data/raw/" + SliceFiles.Workbook)));
        Assert.Empty(Directory.EnumerateDirectories(workspace.PathOf("data/raw")));
    }

    [Theory]
    [InlineData("corrupt")]
    [InlineData("wrong headers")]
    public void GivenASourceWorkbookItCannotIngest_WhenPinned_ThenDataErrorAndNeitherTheManifestNorDataRawChange(string kind)
    {
        using var workspace = TestWorkspace.Create();
        Assert.Equal(0, workspace.Run("fetch", "--data-source", workspace.DataSource).ExitCode);
        var source = workspace.PathOf("bad-source");
        Directory.CreateDirectory(source);
        (kind == "corrupt" ? (Action<string>)BadWorkbooks.Corrupt : BadWorkbooks.WrongHeaders)(Path.Combine(source, SliceFiles.Workbook));
        var manifest = File.ReadAllBytes(workspace.PathOf("data/workbooks.sha256"));
        var raw = File.ReadAllBytes(workspace.PathOf("data/raw/" + SliceFiles.Workbook));

        var pin = workspace.Run("pin", "--data-source", source);

        Assert.True(pin.ExitCode == 4, pin.ToString());
        Assert.Contains(SliceFiles.Workbook, Assert.Single(pin.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(manifest, File.ReadAllBytes(workspace.PathOf("data/workbooks.sha256")));
        Assert.Equal(raw, File.ReadAllBytes(workspace.PathOf("data/raw/" + SliceFiles.Workbook)));
        Assert.Empty(Directory.EnumerateDirectories(workspace.PathOf("data/raw")));
    }

    /// <summary>A source folder holding a different, readable 2014 workbook (one incident).</summary>
    private static string Republished(TestWorkspace workspace)
    {
        var source = workspace.PathOf("republished");
        Directory.CreateDirectory(source);
        XlsxWriter.Write(Path.Combine(source, SliceFiles.Workbook), ("Sheet1", []), ("2014",
        [
            Sheets.Header,
            Sheets.Row(new DateTime(2014, 1, 2), 501.0, TimeSpan.FromHours(8), "QUEEN AND YONGE", 10, "E/B", 4001.0),
        ]));
        return source;
    }
}
