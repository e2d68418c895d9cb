using Streetcar.Cli.Tests.Fixtures;

namespace Streetcar.Cli.Tests.Faults;

/// <summary>
/// Issue 18: a trajectory job SIGKILLed part way (what a time limit or a preemption does in the end) resumes from
/// its last recorded epoch on rerun, and the entries it leaves are byte-identical to an uninterrupted run's.
/// </summary>
[Collection(SliceCollection.Name)]
public sealed class ResumeAfterKillTests
{
    /// <summary>Room for three records (<see cref="Train.Trajectories.ProgressCheckpoint.Interval"/> = 10) and epochs after them.</summary>
    private const int Epochs = 35;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    /// <summary>Experiment a of the slice trained longer, so that a kill lands with epochs both behind and ahead.</summary>
    private static readonly string Long = SliceFiles.ExperimentA + $"epochs: {Epochs}\n";

    [Fact]
    public void GivenATrajectoryKilledAfterAFewEpochs_WhenRunAgain_ThenItContinuesFromTheLastRecordAndEveryFileMatchesAnUninterruptedRun()
    {
        using var uninterrupted = Workspace();
        Assert.Equal(0, uninterrupted.Run("prepare", "-e", "long", "--data-source", uninterrupted.DataSource).ExitCode);
        var whole = uninterrupted.Run("train", "-e", "long");
        Assert.True(whole.ExitCode == 0, whole.ToString());

        using var workspace = Workspace();
        Assert.Equal(0, workspace.Run("prepare", "-e", "long", "--data-source", workspace.DataSource).ExitCode);
        using (var child = CliChild.Start(["train", "-e", "long", "--root", workspace.Root]))
        {
            Assert.True(child.WaitForLine($"long epoch 11/{Epochs}:", Patience), child.Result().ToString());
            Assert.False(child.HasExited, "the job finished before it could be killed");
            child.KillHard();
        }
        var work = Assert.Single(workspace.WorkFolders());
        Assert.StartsWith("trajectory/.resume-", work, StringComparison.Ordinal);

        var rerun = workspace.Run("train", "-e", "long");

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Matches($@"trajectory long: training up to {Epochs} epochs, continuing the (10|20|30) epochs an interrupted job recorded", rerun.Output);
        Assert.DoesNotContain($"long epoch 1/{Epochs}:", rerun.Output, StringComparison.Ordinal);
        Assert.Contains($"long epoch {Epochs}/{Epochs}:", rerun.Output, StringComparison.Ordinal);
        Assert.Empty(workspace.WorkFolders());
        Assert.Equal(uninterrupted.CacheEntries(), workspace.CacheEntries());
        foreach (var stage in new[] { "trajectory", "train" })
        {
            AssertSameFiles(uninterrupted.EntryFolder(stage), workspace.EntryFolder(stage));
        }
    }

    private static TestWorkspace Workspace()
    {
        var workspace = TestWorkspace.Create();
        File.Delete(workspace.PathOf("experiments/a.yml"));
        File.Delete(workspace.PathOf("experiments/b.yml"));
        workspace.Write("experiments/long.yml", Long);
        return workspace;
    }

    /// <summary>
    /// Every file byte for byte, except the stage's wall time (timing.json, different in any two runs) and the
    /// manifest's line for it; the entry keys are already equal.
    /// </summary>
    private static void AssertSameFiles(string expected, string actual)
    {
        string[] Files(string folder) => Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f)).Where(f => f != "timing.json").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Files(expected), Files(actual));
        foreach (var file in Files(expected).Where(f => f != "manifest.json"))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))), $"{file} differs");
        }
        string[] Manifest(string folder) => File.ReadAllLines(Path.Combine(folder, "manifest.json"));
        var timing = Manifest(expected).Select((line, i) => (line, i)).Where(l => l.line.Contains("timing.json", StringComparison.Ordinal)).Select(l => l.i).ToHashSet();
        // The timing row: its path line, and the size and hash lines next to it.
        bool Kept(int i) => !timing.Any(t => Math.Abs(i - t) <= 2);
        Assert.Equal(Manifest(expected).Where((_, i) => Kept(i)), Manifest(actual).Where((_, i) => Kept(i)));
    }
}
