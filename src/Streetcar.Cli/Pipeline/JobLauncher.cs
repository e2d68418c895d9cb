using Streetcar.Pipeline.Execution;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// How the executors get a job done: in this process through <see cref="JobRunner"/>, or as
/// <c>streetcar exec JOBFILE</c> in a fresh process, with its job file, outcome and log in the run's folder under
/// the cache (<c>data/cache/.runs/RUN/{jobs,outcomes,logs}/ID.*</c>).
/// </summary>
public sealed class JobLauncher(StageHost host) : IJobLauncher
{
    public JobResult RunInProcess(JobSpec job, Action<string> progress, CancellationToken cancel) => JobRunner.Run(job, host, progress, "thread");

    public JobCommand Command(JobSpec job, string runFolder)
    {
        var file = JobFile(job, runFolder);
        JobFiles.WriteJob(file, job);
        var root = host.Context.Workspace.Root;
        // `dotnet streetcar.dll` runs as dotnet; the apphost (bin/streetcar) runs as itself.
        var process = Environment.ProcessPath ?? "dotnet";
        var viaDotnet = Path.GetFileNameWithoutExtension(process) == "dotnet";
        string[] verb = ["--root", root, "exec", file];
        return new JobCommand(process, viaDotnet ? [typeof(JobLauncher).Assembly.Location, .. verb] : verb, root, JobLock.Environment());
    }

    public string OutcomePath(JobSpec job, string runFolder) => Path.Combine(runFolder, "outcomes", job.Id + ".json");

    public string LogPath(JobSpec job, string runFolder) => Path.Combine(runFolder, "logs", job.Id + ".log");

    public JobResult? ReadOutcome(JobSpec job, string runFolder) => JobFiles.ReadOutcome(OutcomePath(job, runFolder));

    public static string JobFile(JobSpec job, string runFolder) => Path.Combine(runFolder, "jobs", job.Id + ".json");

    /// <summary>The run folder of a job file written by <see cref="Command"/> (its folder's parent).</summary>
    public static string RunFolderOf(string jobFile) => Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(jobFile)))!;
}
