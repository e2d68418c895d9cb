using Streetcar.Core.Errors;
using Streetcar.Pipeline.Execution;

namespace Streetcar.Pipeline.Tests;

/// <summary>Runs jobs in process, briefly; a job whose label is in <see cref="Failing"/> fails with a pipeline error.</summary>
internal sealed class FakeLauncher : IJobLauncher
{
    private readonly Lock _lock = new();
    private int _running;

    public HashSet<string> Failing { get; } = [];

    /// <summary>Labels failing with a data error (bad raw data: every job is concerned).</summary>
    public HashSet<string> DataErrors { get; } = [];

    public List<string> Ran { get; } = [];

    public int Peak { get; private set; }

    public List<(string Label, int Threads)> Overlaps { get; } = [];

    public JobResult RunInProcess(JobSpec job, Action<string> progress, CancellationToken cancel)
    {
        lock (_lock)
        {
            Ran.Add(job.Label);
            Peak = Math.Max(Peak, ++_running);
        }
        progress($"{job.Label}: working");
        Thread.Sleep(20);
        lock (_lock)
        {
            _running--;
        }
        return Failing.Contains(job.Label) ? new JobResult(job.Id, JobState.Failed, "broken", ExitCodes.Pipeline, true, TimeSpan.Zero, "thread")
            : DataErrors.Contains(job.Label) ? new JobResult(job.Id, JobState.Failed, "bad data", ExitCodes.Data, true, TimeSpan.Zero, "thread")
            : new JobResult(job.Id, JobState.Succeeded, null, null, false, TimeSpan.Zero, "thread");
    }

    public JobCommand Command(JobSpec job, string runFolder) => throw new NotSupportedException();

    public string OutcomePath(JobSpec job, string runFolder) => throw new NotSupportedException();

    public string LogPath(JobSpec job, string runFolder) => throw new NotSupportedException();

    public JobResult? ReadOutcome(JobSpec job, string runFolder) => throw new NotSupportedException();
}
