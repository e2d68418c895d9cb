using System.Globalization;
using Streetcar.Cli.Tests.Fixtures;

namespace Streetcar.Cli.Tests.Faults;

/// <summary>
/// Issue 7: a damaged cache is detected (a warning on stderr) and repaired by the next run, whose results are
/// byte-identical to the reference run's.
/// </summary>
[Collection(SliceCollection.Name)]
public sealed class CacheCorruptionTests(ReferenceRun reference)
{
    public enum Damage
    {
        Truncate,
        FlipBytes,
        DeleteManifest,
    }

    [Theory]
    [InlineData("train", "b#2", "weights.dat", Damage.Truncate)]
    [InlineData("train", "a", "history.json", Damage.FlipBytes)]
    [InlineData("split", null, "train.bin", Damage.FlipBytes)]
    [InlineData("split", null, "test.bin", Damage.Truncate)]
    [InlineData("evaluate", "a", "metrics.json", Damage.FlipBytes)]
    [InlineData("evaluate", "b#1", "manifest.json", Damage.DeleteManifest)]
    [InlineData("train", "a", "manifest.json", Damage.DeleteManifest)]
    public void GivenADamagedCacheFile_WhenThePipelineRuns_ThenItWarnsRebuildsAndTheResultsAreByteIdentical(
        string stage, string? experiment, string file, Damage damage)
    {
        using var workspace = reference.WarmCopy();
        var entry = workspace.EntryFolder(stage, experiment);
        Apply(damage, Path.Combine(entry, file));

        var run = workspace.RunPipeline();

        Assert.True(run.ExitCode == 0, run.ToString());
        var warning = Assert.Single(run.Warnings);
        Assert.Contains($"cache: entry {stage}/", warning, StringComparison.Ordinal);
        Assert.Contains("is invalid", warning, StringComparison.Ordinal);
        Assert.Contains(damage == Damage.DeleteManifest ? "manifest.json is missing" : file, warning, StringComparison.Ordinal);
        reference.AssertSameResults(workspace);
        Assert.Equal(reference.Entries, workspace.CacheEntries());
        Assert.Empty(workspace.WorkFolders());

        var again = workspace.RunPipeline();
        Assert.Empty(again.Warnings);
    }

    [Theory]
    [InlineData("train", ".tmp-")]
    [InlineData("grid", ".tmp-")]
    [InlineData("evaluate", ".trash-")]
    public void GivenAStaleWorkFolderOfADeadProcess_WhenThePipelineRuns_ThenItIsRemovedWithAWarning(string stage, string prefix)
    {
        using var workspace = reference.WarmCopy();
        var hash = Path.GetFileName(workspace.EntryFolder(stage, stage == "grid" ? null : "a"));
        var stale = Path.Combine(workspace.Cache, stage, $"{prefix}{hash}-{DeadProcessId().ToString(CultureInfo.InvariantCulture)}-1");
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, "half-written.bin"), "partial");

        var run = workspace.RunPipeline();

        Assert.True(run.ExitCode == 0, run.ToString());
        var warning = Assert.Single(run.Warnings);
        Assert.Contains("removing stale work folder", warning, StringComparison.Ordinal);
        Assert.False(Directory.Exists(stale));
        reference.AssertSameResults(workspace);
        Assert.Equal(reference.Entries, workspace.CacheEntries());
    }

    private static void Apply(Damage damage, string path)
    {
        switch (damage)
        {
            case Damage.Truncate:
                using (var stream = new FileStream(path, FileMode.Open))
                {
                    stream.SetLength(stream.Length / 2);
                }
                break;
            case Damage.FlipBytes:
                var bytes = File.ReadAllBytes(path);
                for (var i = bytes.Length / 3; i < bytes.Length / 3 + 4; i++)
                {
                    bytes[i] ^= 0x5A;
                }
                File.WriteAllBytes(path, bytes);
                break;
            case Damage.DeleteManifest:
                File.Delete(path);
                break;
        }
    }

    private static int DeadProcessId()
    {
        using var process = System.Diagnostics.Process.Start("true");
        process.WaitForExit();
        return process.Id;
    }
}
