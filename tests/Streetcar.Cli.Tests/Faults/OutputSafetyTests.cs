using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Core.Errors;
using Streetcar.Core.Files;
using Xunit.Abstractions;

namespace Streetcar.Cli.Tests.Faults;

/// <summary>
/// Issue 23, item 1, what the catalogue's shape cannot say: a refused target is left exactly as it was (the input
/// byte for byte, a symbolic link still a link to the same place, a FIFO still a FIFO, a hard link still shared),
/// two scorings racing to one output leave one whole output, and a full disk leaves the previous output intact.
/// </summary>
[Collection(SliceCollection.Name)]
public sealed class OutputSafetyTests(ITestOutputHelper output, ReferenceRun reference)
{
    private const string Header = "route,direction,datetime\n";

    public static TheoryData<string> Targets() => ["the input", "a symlink to the input", "a hard link to the input", "a FIFO", "a symlink to /dev/null"];

    [Theory]
    [MemberData(nameof(Targets))]
    public void GivenARefusedTarget_WhenScoring_ThenTheTargetAndTheInputAreExactlyAsBefore(string target)
    {
        using var workspace = TestWorkspace.Create();
        var input = workspace.PathOf("trips.csv");
        workspace.Write("trips.csv", Header + "501,e,2014-06-14T08:30\n");
        var before = File.ReadAllBytes(input);
        var path = workspace.PathOf("target.csv");
        switch (target)
        {
            case "the input": path = input; break;
            case "a symlink to the input": File.CreateSymbolicLink(path, input); break;
            case "a hard link to the input": SpecialFiles.HardLink(input, path); break;
            case "a FIFO": SpecialFiles.Fifo(path); break;
            case "a symlink to /dev/null": File.CreateSymbolicLink(path, "/dev/null"); break;
        }
        var kindBefore = FileProbe.Link(path);
        var linkBefore = new FileInfo(path).LinkTarget;

        var result = workspace.Run("score", "--model", Model(), "--input", input, "--output", path);

        output.WriteLine(result.ToString());
        Assert.Equal(ExitCodes.Pipeline, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Equal(before, File.ReadAllBytes(input));
        var kindAfter = FileProbe.Link(path)!;
        Assert.Equal(kindBefore!.Kind, kindAfter.Kind);
        Assert.True(kindBefore.SameFileAs(kindAfter), "the target was replaced by another file");
        Assert.Equal(kindBefore.Links, kindAfter.Links);
        Assert.Equal(linkBefore, new FileInfo(path).LinkTarget);
        Assert.Equal(FileKind.CharacterDevice, FileProbe.Target("/dev/null")!.Kind);
        Assert.Empty(Directory.EnumerateFiles(workspace.Root, "*.partial", SearchOption.AllDirectories));
    }

    [Fact]
    public void GivenAnExistingRegularOutput_WhenScoring_ThenItIsReplacedWhole()
    {
        using var workspace = TestWorkspace.Create();
        workspace.Write("trips.csv", Header + "501,e,2014-06-14T08:30\n");
        workspace.Write("out.csv", "an earlier output\n");

        var result = workspace.Run("score", "--model", Model(), "--input", workspace.PathOf("trips.csv"), "--output", workspace.PathOf("out.csv"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith(Header.TrimEnd() + ",delay_probability,predicted_delay\n501,e,2014-06-14T08:30,", File.ReadAllText(workspace.PathOf("out.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenTwoScoringsToOneOutput_WhenTheyRace_ThenBothSucceedAndTheOutputIsOneOfThemWhole()
    {
        using var workspace = TestWorkspace.Create();
        // Two inputs that score differently, long enough (about 2 MB of output each) for the writes to overlap.
        workspace.Write("a.csv", Header + string.Concat(Enumerable.Repeat("501,e,2014-06-14T08:30\n", 60_000)));
        workspace.Write("b.csv", Header + string.Concat(Enumerable.Repeat("504,w,2014-03-02T17:00\n", 60_000)));
        var alone = new[] { "a", "b" }.Select(n =>
        {
            Assert.Equal(0, workspace.Run("score", "--model", Model(), "--input", workspace.PathOf($"{n}.csv"), "--output", workspace.PathOf($"{n}-alone.csv")).ExitCode);
            return File.ReadAllText(workspace.PathOf($"{n}-alone.csv"));
        }).ToArray();
        Assert.NotEqual(alone[0], alone[1]);

        var shared = workspace.PathOf("shared.csv");
        using var first = CliChild.Start(["score", "--model", Model(), "--input", workspace.PathOf("a.csv"), "--output", shared, "--root", workspace.Root]);
        using var second = CliChild.Start(["score", "--model", Model(), "--input", workspace.PathOf("b.csv"), "--output", shared, "--root", workspace.Root]);
        var results = new[] { first.WaitForExit(TimeSpan.FromMinutes(2)), second.WaitForExit(TimeSpan.FromMinutes(2)) };

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
        Assert.Contains(File.ReadAllText(shared), alone);
        Assert.Empty(Directory.EnumerateFiles(workspace.Root, "*.partial", SearchOption.AllDirectories));
    }

    [Fact]
    public void GivenAFullDisk_WhenScoring_ThenOneLineExit2AndTheEarlierOutputIsIntact()
    {
        using var workspace = TestWorkspace.Create();
        workspace.Write("trips.csv", Header + string.Concat(Enumerable.Repeat("501,e,2014-06-14T08:30\n", 5000)));
        var disk = workspace.PathOf("full");
        SpecialFiles.SmallDisk(disk);
        try
        {
            File.WriteAllText(Path.Combine(disk, "out.csv"), "an earlier output\n");

            var result = workspace.Run("score", "--model", Model(), "--input", workspace.PathOf("trips.csv"), "--output", Path.Combine(disk, "out.csv"));

            output.WriteLine(result.ToString());
            Assert.Equal(ExitCodes.Pipeline, result.ExitCode);
            Assert.Contains("No space left on device", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
            Assert.Equal("an earlier output\n", File.ReadAllText(Path.Combine(disk, "out.csv")));
            Assert.Equal(["out.csv"], Directory.EnumerateFileSystemEntries(disk).Select(Path.GetFileName));
        }
        finally
        {
            SpecialFiles.Unmount(disk);
        }
    }

    [Fact]
    public void GivenAFullDisk_WhenExportingTheGrid_ThenOneLineExit2AndTheEarlierExportIsIntact()
    {
        using var workspace = TestWorkspace.Create();
        var disk = workspace.PathOf("full");
        SpecialFiles.SmallDisk(disk);
        try
        {
            File.WriteAllText(Path.Combine(disk, "grid.csv"), "an earlier export\n");

            var result = workspace.Run("prepare", "--data-source", workspace.DataSource, "--export-csv", Path.Combine(disk, "grid.csv"));

            output.WriteLine(result.ToString());
            Assert.Equal(ExitCodes.Pipeline, result.ExitCode);
            var line = Assert.Single(result.ErrorLines);
            Assert.Contains("--export-csv", line, StringComparison.Ordinal);
            Assert.Contains("No space left on device", line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
            Assert.Equal("an earlier export\n", File.ReadAllText(Path.Combine(disk, "grid.csv")));
            Assert.Equal(["grid.csv"], Directory.EnumerateFileSystemEntries(disk).Select(Path.GetFileName));
        }
        finally
        {
            SpecialFiles.Unmount(disk);
        }
    }

    /// <summary>A trained model folder of the reference run (read only).</summary>
    private string Model() =>
        Directory.EnumerateDirectories(Path.Combine(reference.Workspace.Cache, "train"))
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .First();
}
