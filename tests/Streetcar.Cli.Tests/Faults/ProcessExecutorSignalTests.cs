using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Core.Errors;

namespace Streetcar.Cli.Tests.Faults;

/// <summary>
/// Issue 18: with <c>--executor process</c> the training runs in a child <c>streetcar exec</c>, so a signal to the
/// run must reach it. SIGINT or SIGTERM sent to the run alone, mid-training, ends it with one error line and exit
/// 130 or 143; no child outlives it; the cache holds no work folder and no trajectory the reference lacks; and a
/// rerun gives the reference bytes.
/// </summary>
[Collection(SliceCollection.Name)]
public sealed class ProcessExecutorSignalTests(ReferenceRun reference)
{
    private const int SigInt = 2;
    private const int SigTerm = 15;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Theory]
    [InlineData(SigInt, ExitCodes.Cancelled, "SIGINT")]
    [InlineData(SigTerm, ExitCodes.Terminated, "SIGTERM")]
    public void GivenTrainingUnderWayInAChild_WhenTheRunIsSignalled_ThenItAndItsChildrenStopCleanly_AndARerunGivesTheReferenceBytes(int signal, int exitCode, string name)
    {
        using var workspace = TestWorkspace.Create();
        Assert.Equal(0, workspace.Run("prepare", "--data-source", workspace.DataSource).ExitCode);
        // 500 epochs instead of 2, so that the signal sent at the first epoch always lands mid-training.
        workspace.Write("experiments/a.yml", SliceFiles.ExperimentA + "\nepochs: 500\n");

        CliResult result;
        using (var child = CliChild.Start(["train", "--executor", "process", "--root", workspace.Root]))
        {
            Assert.True(child.WaitForLine("a epoch 1/", Patience), child.Result().ToString());
            Assert.Contains(Processes(workspace.Root), p => p.CommandLine.Contains(" exec ", StringComparison.Ordinal));
            child.Send(signal);
            result = child.WaitForExit(Patience);
        }

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Contains($"cancelled ({name})", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        var survivors = Processes(workspace.Root);
        Assert.True(survivors.Count == 0, $"still running: {string.Join("; ", survivors.Select(p => $"{p.Pid} {p.CommandLine}"))}");
        // No half-built entry; a trajectory keeps its recorded progress (.resume-) on purpose, for the rerun to continue.
        Assert.DoesNotContain(workspace.WorkFolders(), f => !f.StartsWith("trajectory/.resume-", StringComparison.Ordinal));
        Assert.DoesNotContain(workspace.CacheEntries(), e => e.StartsWith("trajectory/", StringComparison.Ordinal) && !reference.Entries.Contains(e));

        workspace.Write("experiments/a.yml", SliceFiles.ExperimentA);
        var rerun = workspace.RunPipeline();
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        reference.AssertSameResults(workspace);
        Assert.Equal(reference.Entries, workspace.CacheEntries());
    }

    /// <summary>The processes on this machine whose command line names <paramref name="root"/> (the run and its job children).</summary>
    private static IReadOnlyList<(int Pid, string CommandLine)> Processes(string root)
    {
        var found = new List<(int, string)>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }
            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // it ended while being read
            }
            if (commandLine.Contains(root, StringComparison.Ordinal))
            {
                found.Add((pid, commandLine));
            }
        }
        return found;
    }
}
