using Streetcar.Core.Files;
using Streetcar.Core.Tests.Cache;

namespace Streetcar.Core.Tests.Files;

/// <summary>
/// <see cref="WholeFolder"/>: a folder replaced as a whole (one exchange on Linux), what it does not own carried
/// over, its own leftovers dropped, and what a killed replacement leaves next to it swept or put back.
/// </summary>
public sealed class WholeFolderTests : IDisposable
{
    private readonly TempFolder _parent = new();

    private string Target => Path.Combine(_parent.Path, "results");

    public void Dispose() => _parent.Dispose();

    [Fact]
    public void Replace_PutsTheNewTree_CarriesOverWhatTheBuildDidNotWrite_AndDropsTheBuildersLeftovers()
    {
        Write("results/report.md", "old");
        Write("results/plots/gone.svg", "old plot");
        Write("results/tensorboard/a/events", "scalars");
        Write("results/.staging-123/half.svg", "a killed run's");
        File.CreateSymbolicLink(Path.Combine(Target, "latest"), "/nonexistent/elsewhere");

        WholeFolder.Replace(Target, name => name.StartsWith(".staging-", StringComparison.Ordinal), tree =>
        {
            File.WriteAllText(Path.Combine(tree, "report.md"), "new");
            Directory.CreateDirectory(Path.Combine(tree, "plots"));
        });

        Assert.Equal(["latest", "plots", "report.md", "tensorboard", "tensorboard/a", "tensorboard/a/events"], Entries(Target));
        Assert.Equal("new", File.ReadAllText(Path.Combine(Target, "report.md")));
        Assert.Equal("scalars", File.ReadAllText(Path.Combine(Target, "tensorboard/a/events")));
        Assert.Equal("/nonexistent/elsewhere", new FileInfo(Path.Combine(Target, "latest")).LinkTarget);
        Assert.Equal(["results"], Entries(_parent.Path).Where(e => !e.Contains('/')));
    }

    [Fact]
    public void Replace_WhenTheBuildFails_LeavesTheFolderAsItWas_AndNoStaging()
    {
        Write("results/report.md", "old");

        Assert.Throws<OperationCanceledException>(() => WholeFolder.Replace(Target, _ => false, tree =>
        {
            File.WriteAllText(Path.Combine(tree, "report.md"), "half new");
            throw new OperationCanceledException();
        }));

        Assert.Equal("old", File.ReadAllText(Path.Combine(Target, "report.md")));
        Assert.Equal(["results", "results/report.md"], Entries(_parent.Path));
    }

    [Fact]
    public void Replace_OnAMissingFolder_CreatesItWhole()
    {
        WholeFolder.Replace(Target, _ => false, tree => File.WriteAllText(Path.Combine(tree, "report.md"), "new"));

        Assert.Equal(["results", "results/report.md"], Entries(_parent.Path));
    }

    [Fact]
    public void Recover_AfterAKillBetweenTheFallbacksTwoRenames_PutsTheOldTreeBack()
    {
        // The fallback moved results/ aside and was killed before moving the new tree in.
        Write(".results-old-4242/report.md", "old");
        Write(".results-staging-4242/report.md", "new, complete but never swapped in");

        WholeFolder.Recover(Target);

        Assert.Equal(["results", "results/report.md"], Entries(_parent.Path));
        Assert.Equal("old", File.ReadAllText(Path.Combine(Target, "report.md")));
    }

    [Fact]
    public void Recover_AfterAKillOnceTheNewTreeIsIn_DeletesTheOldTreeAndTheStaging()
    {
        Write("results/report.md", "new");
        Write(".results-old-4242/report.md", "old");
        Write(".results-staging-77/report.md", "an unfinished build");

        WholeFolder.Recover(Target);

        Assert.Equal(["results", "results/report.md"], Entries(_parent.Path));
        Assert.Equal("new", File.ReadAllText(Path.Combine(Target, "report.md")));
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_parent.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static string[] Entries(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(folder, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
