namespace Streetcar.Pipeline.Execution;

/// <summary>
/// How an executor gets a job done, given by the engine: run it on the calling thread, or write its job file and
/// get the command that runs it in a fresh process. Executors decide only where and when.
/// </summary>
public interface IJobLauncher
{
    /// <summary>
    /// Runs <paramref name="job"/> in this process on the calling thread; returns its outcome (never throws for a
    /// failure of the job). <paramref name="progress"/> receives its progress lines.
    /// </summary>
    JobResult RunInProcess(JobSpec job, Action<string> progress, CancellationToken cancel);

    /// <summary>
    /// Writes the job file of <paramref name="job"/> (under <paramref name="runFolder"/>, which every node of a
    /// cluster can read) and returns the command that runs it. The command exits 0 when the entry is built or was
    /// already cached, and writes its outcome to <see cref="OutcomePath"/> either way.
    /// </summary>
    JobCommand Command(JobSpec job, string runFolder);

    /// <summary>Where the command of <paramref name="job"/> leaves its outcome (read back as a <see cref="JobResult"/>).</summary>
    string OutcomePath(JobSpec job, string runFolder);

    /// <summary>Where its stdout and stderr go (one log per job, under the cache).</summary>
    string LogPath(JobSpec job, string runFolder);

    /// <summary>
    /// The outcome the command of <paramref name="job"/> left, or null when it left none (killed before it
    /// could, never started).
    /// </summary>
    JobResult? ReadOutcome(JobSpec job, string runFolder);
}
