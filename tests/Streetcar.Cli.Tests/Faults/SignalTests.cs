using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Core.Errors;

namespace Streetcar.Cli.Tests.Faults;

/// <summary>
/// Issue 23, item 3: SIGINT and SIGTERM end a run cleanly (one error line, exit 130 or 143, no work folder but a
/// trajectory's recorded progress, no lock, and a rerun reproduces the reference bytes), and results/ changes as a whole or not at all, whatever
/// stops the report: SIGINT, or SIGKILL at several moments of its writing.
/// </summary>
[Collection(SliceCollection.Name)]
public sealed class SignalTests(ReferenceRun reference)
{
    private const int SigInt = 2;
    private const int SigTerm = 15;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Theory]
    [InlineData(SigInt, ExitCodes.Cancelled, "SIGINT")]
    [InlineData(SigTerm, ExitCodes.Terminated, "SIGTERM")]
    public void GivenTrainingUnderWay_WhenSignalled_ThenItStopsCleanly_AndARerunGivesTheReferenceBytes(int signal, int exitCode, string name)
    {
        using var workspace = LongTraining();

        var result = Signalled(workspace, ["train", "--root", workspace.Root], "a epoch 1/", signal);

        AssertStoppedCleanly(workspace, result, exitCode, name);
        Assert.DoesNotContain(workspace.CacheEntries(), e => e.StartsWith("trajectory/", StringComparison.Ordinal) && !reference.Entries.Contains(e));
        workspace.Write("experiments/a.yml", SliceFiles.ExperimentA);
        var rerun = workspace.RunPipeline();
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        reference.AssertSameResults(workspace);
        // The trajectory continued from the 500-epoch job's progress may be longer than the reference's: it serves
        // the 2-epoch experiment as a prefix, so every other entry is the reference's.
        Assert.Equal(reference.Entries.Where(e => !e.StartsWith("trajectory/", StringComparison.Ordinal)),
            workspace.CacheEntries().Where(e => !e.StartsWith("trajectory/", StringComparison.Ordinal)));
        Assert.Empty(workspace.WorkFolders());
    }

    [Fact]
    public void GivenTrainingUnderWay_WhenInterruptedTwice_ThenOneLineExit130_AndTheNextRunSweepsAndReproduces()
    {
        using var workspace = LongTraining();
        CliResult result;
        using (var child = CliChild.Start(["train", "--root", workspace.Root]))
        {
            Assert.True(child.WaitForLine("a epoch 1/", Patience), child.Result().ToString());
            child.Send(SigInt);
            child.Send(SigInt);
            result = child.WaitForExit(Patience);
        }

        Assert.True(result.ExitCode == ExitCodes.Cancelled, result.ToString());
        Assert.Contains("cancelled (SIGINT", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        workspace.Write("experiments/a.yml", SliceFiles.ExperimentA);
        var rerun = workspace.RunPipeline();
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        reference.AssertSameResults(workspace);
        Assert.Empty(workspace.WorkFolders());
    }

    /// <summary>
    /// A prepared slice whose experiment a trains for 500 epochs instead of 2, so that a signal sent at its first
    /// epoch always lands mid-training (the slice's own 2 epochs can end before the signal arrives); the test puts
    /// a back before the rerun that must reproduce the reference.
    /// </summary>
    private static TestWorkspace LongTraining()
    {
        var workspace = TestWorkspace.Create();
        Assert.Equal(0, workspace.Run("prepare", "--data-source", workspace.DataSource).ExitCode);
        workspace.Write("experiments/a.yml", SliceFiles.ExperimentA + "\nepochs: 500\n");
        return workspace;
    }

    [Fact]
    public void GivenPrepareReadingTheWorkbook_WhenInterrupted_ThenItStopsCleanlyWithoutAGrid()
    {
        using var workspace = TestWorkspace.Create();

        var result = Signalled(workspace, ["prepare", "--data-source", workspace.DataSource, "--root", workspace.Root], "prepare: building the grid", SigInt);

        AssertStoppedCleanly(workspace, result, ExitCodes.Cancelled, "SIGINT");
        Assert.Empty(workspace.CacheEntries());
    }

    [Fact]
    public void GivenEvaluationUnderWay_WhenTerminated_ThenItStopsCleanly_AndTheTrainedModelsStay()
    {
        using var workspace = reference.WarmCopy();
        Directory.Delete(Path.Combine(workspace.Cache, "evaluate"), recursive: true);

        // Ten repeats: evaluations start while trajectories still train, a window no signal can miss.
        var result = Signalled(workspace, ["evaluate", "--repeats", "10", "--root", workspace.Root], "start evaluate", SigTerm);

        AssertStoppedCleanly(workspace, result, ExitCodes.Terminated, "SIGTERM");
        Assert.All(reference.Entries.Where(e => !e.StartsWith("evaluate/", StringComparison.Ordinal)), e => Assert.Contains(e, workspace.CacheEntries()));
    }

    [Fact]
    public void GivenTheReportBeingWritten_WhenInterrupted_ThenResultsAreEntirelyOldOrEntirelyNew_AndNoStagingIsLeft()
    {
        using var workspace = reference.WarmCopy();
        var (old, fresh) = OldAndNew(workspace);

        var result = Signalled(workspace, ["report", "--root", workspace.Root], null, SigInt);

        AssertStoppedCleanly(workspace, result, ExitCodes.Cancelled, "SIGINT");
        AssertOldOrNew(workspace, old, fresh);
        Assert.Empty(Directory.EnumerateFileSystemEntries(workspace.Root, ".results-*"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(40)]
    [InlineData(150)]
    [InlineData(600)]
    public void GivenTheReportBeingWritten_WhenKilledAfterSomeMilliseconds_ThenResultsAreEntirelyOldOrEntirelyNew_AndTheNextReportSweeps(int delayMs)
    {
        using var workspace = reference.WarmCopy();
        var (old, fresh) = OldAndNew(workspace);
        using (var child = CliChild.Start(["report", "--root", workspace.Root]))
        {
            Assert.True(child.WaitForFolder(workspace.Root, ".results-staging-*", Patience), $"the report's staging folder never appeared:\n{child.Result()}");
            Thread.Sleep(delayMs);
            child.KillHard();
        }

        AssertOldOrNew(workspace, old, fresh);
        var rerun = workspace.Run("report");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal(fresh, workspace.ResultFiles());
        Assert.Empty(Directory.EnumerateFileSystemEntries(workspace.Root, ".results-*"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(workspace.Results, ".*"));
    }

    /// <summary>
    /// Runs <paramref name="args"/> as a child, signals it at the line holding <paramref name="marker"/> (null: once
    /// the report's staging folder appears), and returns how it ended.
    /// </summary>
    private static CliResult Signalled(TestWorkspace workspace, string[] args, string? marker, int signal)
    {
        using var child = CliChild.Start(args);
        var reached = marker is null ? child.WaitForFolder(workspace.Root, ".results-staging-*", Patience) : child.WaitForLine(marker, Patience);
        Assert.True(reached, $"never reached {marker ?? "the report's staging"}:\n{child.Result()}");
        Assert.False(child.HasExited, $"the child finished before it could be signalled:\n{child.Result()}");
        child.Send(signal);
        return child.WaitForExit(Patience);
    }

    private static void AssertStoppedCleanly(TestWorkspace workspace, CliResult result, int exitCode, string name)
    {
        Assert.True(result.ExitCode == exitCode, result.ToString());
        var message = Assert.Single(result.ErrorLines);
        Assert.Contains($"cancelled ({name})", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        // A trajectory stopped by a signal (a time limit sends SIGTERM) keeps its recorded progress for the rerun;
        // nothing else is left, and no lock.
        Assert.DoesNotContain(workspace.WorkFolders(), w => !w.StartsWith("trajectory/.resume-", StringComparison.Ordinal));
        Assert.Empty(Directory.Exists(workspace.Cache) ? Directory.EnumerateFiles(workspace.Cache, ".lock*", SearchOption.AllDirectories) : []);
    }

    /// <summary>Puts an old report in results/ (and files the report does not own); returns the old and the new tree.</summary>
    private (SortedDictionary<string, string> Old, SortedDictionary<string, string> New) OldAndNew(TestWorkspace workspace)
    {
        Directory.Delete(workspace.Results, recursive: true);
        workspace.Write("results/report.md", "# the old report\n");
        workspace.Write("results/metrics.json", "[]\n");
        workspace.Write("results/plots/a-loss.svg", "<svg>old</svg>\n");
        workspace.Write("results/plots/gone-accuracy.svg", "<svg>an experiment since removed</svg>\n");
        // Not the report's: carried into the new tree.
        workspace.Write("results/tensorboard/a/events.out", "scalars\n");
        workspace.Write("results/notes.txt", "a person's notes\n");
        var fresh = new SortedDictionary<string, string>(reference.Results, StringComparer.Ordinal)
        {
            ["tensorboard/a/events.out"] = "scalars\n",
            ["notes.txt"] = "a person's notes\n",
        };
        return (workspace.ResultFiles(), fresh);
    }

    private static void AssertOldOrNew(TestWorkspace workspace, SortedDictionary<string, string> old, SortedDictionary<string, string> fresh)
    {
        var now = workspace.ResultFiles();
        Assert.True(now.SequenceEqual(old) || now.SequenceEqual(fresh),
            $"results/ is neither the old nor the new tree: {string.Join(", ", now.Keys)}");
    }
}
