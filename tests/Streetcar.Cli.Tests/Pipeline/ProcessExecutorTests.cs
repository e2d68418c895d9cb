using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Core.Errors;
using Streetcar.Pipeline.Execution;

namespace Streetcar.Cli.Tests.Pipeline;

/// <summary>
/// Issue 18: jobs as data. With <c>--executor process</c> every job is a child `streetcar exec JOBFILE`; the
/// results are the local executor's, byte for byte, and one failing experiment skips only its own dependents.
/// </summary>
[Collection(SliceCollection.Name)]
public sealed class ProcessExecutorTests(ReferenceRun reference)
{
    [Fact]
    public void GivenAClearedCache_WhenRunWithTheProcessExecutor_ThenEveryResultFileIsByteIdentical_AndExecOfACachedJobDoesNothing()
    {
        using var workspace = reference.WarmCopy();
        Assert.Equal(0, workspace.Run("cache", "clear").ExitCode);

        var run = workspace.Run([.. workspace.PipelineArgs(), "--executor", "process"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        reference.AssertSameResults(workspace);
        Assert.Equal(reference.Entries, workspace.CacheEntries());
        // The children's own lines come through: the trainings' epochs, as the local executor prints them.
        Assert.Contains("  a epoch 1/2:", run.Output, StringComparison.Ordinal);
        Assert.Contains("critical path: ", run.Output, StringComparison.Ordinal);
        var runFolder = Assert.Single(Directory.GetDirectories(Path.Combine(workspace.Cache, ".runs")));
        var ledger = Streetcar.Pipeline.Ledger.RunLedger.Latest(Path.Combine(workspace.Cache, ".runs"))!;
        Assert.Equal("process", ledger.Executor);
        Assert.All(ledger.Runs, r => Assert.Equal("built", r.Outcome));
        Assert.All(ledger.Jobs, j => Assert.StartsWith("pid ", j.Where, StringComparison.Ordinal));
        var jobs = Directory.GetFiles(Path.Combine(runFolder, "jobs"), "*.json").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(jobs.Length, Directory.GetFiles(Path.Combine(runFolder, "logs"), "*.log").Length);
        Assert.All(Directory.GetFiles(Path.Combine(runFolder, "outcomes"), "*.json"),
            o => Assert.Equal(JobState.Succeeded, JobFiles.ReadOutcome(o)!.State));

        var trajectory = jobs.First(j => Path.GetFileName(j).StartsWith("trajectory-", StringComparison.Ordinal));
        var exec = workspace.Run("exec", trajectory);

        Assert.True(exec.ExitCode == 0, exec.ToString());
        Assert.Equal("", exec.Output);
        var outcome = JobFiles.ReadOutcome(Path.Combine(runFolder, "outcomes", Path.GetFileName(trajectory)))!;
        Assert.Equal(JobState.Succeeded, outcome.State);
        Assert.EndsWith(", cached", outcome.Where, StringComparison.Ordinal);
        Assert.Equal(reference.Entries, workspace.CacheEntries());
    }

    [Fact]
    public void GivenOneExperimentFailingInTraining_WhenEvaluatedWithTheProcessExecutor_ThenOnlyItsDependentsAreSkipped_AndAnotherExperimentCompletes()
    {
        using var workspace = reference.WarmCopy();
        workspace.Write("experiments/c.yml", "base: _base.yml\nweighting: balanced\none_weight_offset: -1000\n");
        // A new threshold: a new model folder and evaluation derived from a's cached trajectory.
        workspace.Write("experiments/d.yml", "base: _base.yml\nthreshold: 0.3\n");

        var run = workspace.Run("evaluate", "--executor", "process", "--jobs", "2");

        // The child's config error keeps its code through the outcome file, as it does in process.
        Assert.Equal(ExitCodes.Config, run.ExitCode);
        var failure = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: evaluate c failed: trajectory c: ", failure, StringComparison.Ordinal);
        Assert.Contains("'one_weight_offset': makes the delay weight", failure, StringComparison.Ordinal);
        Assert.Contains("train c: skipped, a job it needs failed", run.Output, StringComparison.Ordinal);
        Assert.Contains("evaluate c: skipped, a job it needs failed", run.Output, StringComparison.Ordinal);
        Assert.Contains("evaluate d: done in", run.Output, StringComparison.Ordinal);
        Assert.Single(workspace.CacheEntries(), e => e.StartsWith("evaluate/", StringComparison.Ordinal)
            && File.ReadAllText(Path.Combine(workspace.Cache, e, "manifest.json")).Contains("\"config\": \"d\"", StringComparison.Ordinal));
        Assert.Empty(workspace.WorkFolders());
    }

    [Fact]
    public void GivenACacheElsewhere_WhenRunWithTheProcessExecutor_ThenTheChildrenBuildInThatCache_AndTheCheckoutsCacheIsUntouched()
    {
        using var workspace = reference.WarmCopy();
        using var shared = new Streetcar.Testing.TempFolder("streetcar-shared-cache-");
        Assert.Equal(0, workspace.Run("cache", "clear").ExitCode);

        var run = workspace.Run([.. workspace.PipelineArgs(), "--executor", "process", "--cache", shared.Path]);

        Assert.True(run.ExitCode == 0, run.ToString());
        reference.AssertSameResults(workspace);
        // Every job a child `exec` built went to --cache, none to the checkout's own cache (the child is given it).
        Assert.Contains(Directory.EnumerateDirectories(shared.Path), d => Path.GetFileName(d) == "trajectory");
        Assert.False(Directory.Exists(Path.Combine(workspace.Cache, "trajectory")), "a child built into data/cache instead of --cache");
    }

    [Fact]
    public void GivenAnUnknownExecutor_ThenItIsAUsageError_BeforeAnythingRuns()
    {
        using var workspace = reference.WarmCopy();

        var unknown = workspace.Run("train", "--executor", "nosuch");

        Assert.Equal(ExitCodes.Usage, unknown.ExitCode);
        Assert.Equal(["error: --executor must be one of local, process, slurm, not nosuch (see streetcar --help)"], unknown.ErrorLines);
        Assert.Equal("", unknown.Output);
    }
}
