using Streetcar.Pipeline.Execution;
using Streetcar.Pipeline.Slurm;
using Xunit.Abstractions;
using static Streetcar.Pipeline.Tests.Slurm.ShellJobLauncher;

namespace Streetcar.Pipeline.Tests.Slurm;

/// <summary>
/// A job over its time limit, on a cluster of its own: Slurm enforces limits in whole minutes on a ~30 s timer,
/// so this test takes 60–90 s and runs beside the other Slurm tests instead of after them.
/// </summary>
public sealed class SlurmTimeLimitTests(SlurmCluster cluster, ITestOutputHelper output) : IClassFixture<SlurmCluster>, IDisposable
{
    private readonly TempFolder _root = new("streetcar-slurm-limit-");

    [Fact]
    public void JobOverTheTimeLimitOfClusterYml_FailsNamingTheLimit_AndOnlyItsDependentsAreSkipped()
    {
        File.WriteAllText(Path.Combine(_root.Path, ClusterConfig.FileName), "time_limit: '1'\npoll_seconds: 2\n");
        var executor = SlurmExecutor.Open(_root.Path, SlurmOptions.None, new SlurmTools(Environment.GetEnvironmentVariable("PATH") ?? "", cluster.Environment));
        var jobs = new List<JobSpec> { Job("train-a", "sleep 300"), Job("evaluate-a", "true", "train-a"), Job("train-b", "true") };

        var results = executor.Run(jobs, new ShellJobLauncher(), _root.Sub("run"), _ => { }, CancellationToken.None).ToDictionary(r => r.Id);

        Assert.Equal(JobState.Failed, results["train-a"].State);
        Assert.Contains("killed at its time limit (00:01:00", results["train-a"].Error);
        Assert.False(results["train-a"].Final);
        Assert.Equal(JobState.Skipped, results["evaluate-a"].State);
        Assert.Equal(JobState.Succeeded, results["train-b"].State);
        output.WriteLine($"time limit 1 min: killed after {results["train-a"].Elapsed.TotalSeconds:0} s, run wall {executor.LastRun!.Wall.TotalSeconds:0} s; load {SlurmExecutorTests.Load()}");
    }

    public void Dispose() => _root.Dispose();
}
