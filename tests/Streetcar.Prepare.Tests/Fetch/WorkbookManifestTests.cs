using Streetcar.Core.Errors;
using Streetcar.Prepare.Fetch;

namespace Streetcar.Prepare.Tests.Fetch;

public class WorkbookManifestTests
{
    private const string Hash = "67f6e5174d1d95ee486a43fc9bbe9572d48d08e9c766899e2fe5ca32cb5db48b";

    [Fact]
    public void Parses_Sha256sumFormat_AndFormatsItBack()
    {
        var text = $"# pinned\n{Hash}  a.xlsx\n\n{Hash.ToUpperInvariant()} *b.xlsx\n";

        var manifest = WorkbookManifest.Parse(text, "m");

        Assert.Equal([new ManifestEntry("a.xlsx", Hash), new ManifestEntry("b.xlsx", Hash)], manifest.Entries);
        Assert.Equal($"{Hash}  a.xlsx\n{Hash}  b.xlsx\n", manifest.Format());
    }

    [Fact]
    public void BadLine_NamesFileAndLine()
    {
        var error = Assert.Throws<DataException>(() => WorkbookManifest.Parse($"{Hash}  a.xlsx\nnot a line\n", "m.sha256"));

        Assert.StartsWith("m.sha256:2: expected", error.Message);
    }

    [Fact]
    public void ShippedWorkbooks_AreExactlyThePinnedBytes()
    {
        var manifest = WorkbookManifest.Read(Path.Combine(RepoPaths.Root, "data", "workbooks.sha256"));
        var shipped = Path.Combine(RepoPaths.Root, "data", "ttc");

        Assert.All(manifest.Entries, e => Assert.Equal(e.Sha256, Streetcar.Core.Hashing.ContentHash.OfFile(Path.Combine(shipped, e.FileName))));
        Assert.True(File.Exists(Path.Combine(shipped, "README.md")), "data/ttc/README.md (source, licence and attribution) is missing");
        Assert.Contains("Open Government Licence – Toronto", File.ReadAllText(Path.Combine(shipped, "README.md")));
    }

    [Fact]
    public void CommittedManifest_PinsTheSixWorkbooks_AsSha256Sums()
    {
        var manifest = WorkbookManifest.Read(Path.Combine(RepoPaths.Root, "data", "workbooks.sha256"));

        Assert.Equal(Enumerable.Range(2014, 6).Select(y => $"ttc-streetcar-delay-data-{y}.xlsx"), manifest.Entries.Select(e => e.FileName));
        var sums = File.ReadAllText(Path.Combine(RepoPaths.DataSource, "SHA256SUMS"));
        Assert.All(manifest.Entries, e => Assert.Contains($"{e.Sha256}  {e.FileName}", sums));
    }
}
