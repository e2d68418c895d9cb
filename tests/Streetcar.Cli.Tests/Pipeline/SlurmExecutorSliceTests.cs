using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Core.Errors;
using Streetcar.Pipeline.Slurm;
using Xunit.Abstractions;

namespace Streetcar.Cli.Tests.Pipeline;

/// <summary>
/// Issue 18 end to end: the slice pipeline with <c>--executor slurm</c> on a real one-node cluster, every job an
/// array task running <c>streetcar exec</c>. The CLI finds the cluster the way a user's shell does, through
/// <c>SLURM_CONF</c>; these tests set it for this process (no other test of this assembly talks to Slurm).
/// </summary>
[Collection(SliceCollection.Name)]
public sealed class SlurmExecutorSliceTests : IClassFixture<SlurmCluster>
{
    private readonly ReferenceRun _reference;
    private readonly ITestOutputHelper _output;

    public SlurmExecutorSliceTests(ReferenceRun reference, SlurmCluster cluster, ITestOutputHelper output)
    {
        _reference = reference;
        _output = output;
        Environment.SetEnvironmentVariable("SLURM_CONF", cluster.ConfigPath);
    }

    [Fact]
    public void GivenAClearedCache_WhenRunOnSlurm_ThenEveryResultFileIsByteIdenticalToLocal()
    {
        using var workspace = _reference.WarmCopy();
        Assert.Equal(0, workspace.Run("cache", "clear").ExitCode);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var run = workspace.Run([.. workspace.PipelineArgs(), "--executor", "slurm", "--slurm-poll-seconds", "1", "--slurm-partition", SlurmCluster.Partition]);

        Assert.True(run.ExitCode == 0, run.ToString());
        _reference.AssertSameResults(workspace);
        Assert.Equal(_reference.Entries, workspace.CacheEntries().Where(e => !e.StartsWith(".runs/", StringComparison.Ordinal)));
        var runFolder = Assert.Single(Directory.GetDirectories(Path.Combine(workspace.Cache, ".runs")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(runFolder, "slurm"), "*.sh"));
        _output.WriteLine($"slice pipeline, cold, --executor slurm: {clock.Elapsed.TotalSeconds:0.0} s, {Directory.GetFiles(Path.Combine(runFolder, "slurm"), "*.sh").Length} arrays; load {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    [Fact]
    public void GivenOneExperimentFailing_WhenEvaluatedOnSlurm_ThenOnlyItsDependentsAreSkipped_AndTheOthersComplete()
    {
        using var workspace = _reference.WarmCopy();
        workspace.Write("experiments/c.yml", "base: _base.yml\nweighting: balanced\none_weight_offset: -1000\n");
        workspace.Write("experiments/d.yml", "base: _base.yml\nthreshold: 0.3\n");

        var run = workspace.Run("evaluate", "--executor", "slurm", "--slurm-poll-seconds", "1");

        Assert.Equal(ExitCodes.Config, run.ExitCode);
        var failure = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: evaluate c failed: trajectory c: ", failure, StringComparison.Ordinal);
        Assert.Contains("train c: skipped, a job it needs failed", run.Output, StringComparison.Ordinal);
        Assert.Contains("evaluate c: skipped, a job it needs failed", run.Output, StringComparison.Ordinal);
        Assert.Contains("evaluate d: done in", run.Output, StringComparison.Ordinal);
        Assert.Single(workspace.CacheEntries(), e => e.StartsWith("evaluate/", StringComparison.Ordinal)
            && File.ReadAllText(Path.Combine(workspace.Cache, e, "manifest.json")).Contains("\"config\": \"d\"", StringComparison.Ordinal));
    }

    [Fact]
    public void GivenABadClusterYml_ThenItIsExit3NamingTheKey_AndNothingIsSubmitted()
    {
        using var workspace = _reference.WarmCopy();
        workspace.Write(ClusterConfig.FileName, "time_limit: forever\n");
        var runs = Path.Combine(workspace.Cache, ".runs");
        string[] RunFolders() => Directory.Exists(runs) ? [.. Directory.EnumerateFileSystemEntries(runs).Order(StringComparer.Ordinal)] : [];
        var before = RunFolders(); // the reference run's own

        var run = workspace.Run("train", "--executor", "slurm");

        Assert.Equal(ExitCodes.Config, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("cluster.yml: 'time_limit': must be a Slurm time", line, StringComparison.Ordinal);
        Assert.Equal(before, RunFolders());
    }
}
