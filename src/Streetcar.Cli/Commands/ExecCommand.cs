using System.CommandLine;
using System.Text.Json;
using Streetcar.Cli.Output;
using Streetcar.Cli.Pipeline;
using Streetcar.Core.Errors;
using Streetcar.Pipeline.Execution;

namespace Streetcar.Cli.Commands;

/// <summary>
/// `streetcar exec JOBFILE`: runs exactly one job of a run in this fresh process, from its job file and the cache
/// (what `--executor process` and `slurm` start), through the code path the local executor runs in process. It
/// writes its outcome beside the job file's folder (<c>../outcomes/ID.json</c>) whatever happens to the job.
/// </summary>
public static class ExecCommand
{
    public static Command Create(CliConsole console, CancellationToken cancel)
    {
        var file = new Argument<string>("JOBFILE") { Description = "A job file a run wrote (data/cache/.runs/RUN/jobs/ID.json)." };
        var command = new Command("exec", "Runs exactly one job of a run from its job file (what --executor process and slurm start): exits 0 at once when its entry is cached, else builds it; writes its outcome either way.")
        {
            file,
        };
        command.SetAction(result =>
        {
            var ctx = PipelineContext.Open(CommonOptions.LocateWorkspace(result), console, force: false, cancel);
            var path = result.GetValue(file)!;
            JobSpec job;
            try
            {
                job = JobFiles.ReadJob(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
            {
                throw new PipelineException($"exec: cannot read the job file {path}: {e.Message}");
            }
            var host = new StageHost(ctx);
            var launcher = new JobLauncher(host);
            var where = $"pid {Environment.ProcessId}";
            // No run-wide lock: the entry is built under its own lock (EntryLock), so jobs of several runs and
            // machines sharing the cache proceed side by side.
            var outcome = JobRunner.IsCached(job, ctx.Cache)
                ? new JobResult(job.Id, JobState.Succeeded, null, null, false, TimeSpan.Zero, $"{where}, cached")
                : JobRunner.Run(job, host, console.Info, where);
            JobFiles.WriteOutcome(launcher.OutcomePath(job, JobLauncher.RunFolderOf(path)), outcome);
            return outcome.State switch
            {
                JobState.Succeeded => ExitCodes.Success,
                JobState.Cancelled => throw new OperationCanceledException(),
                _ => throw new PipelineException($"{job.Label}: {outcome.Error}", outcome.ExitCode ?? ExitCodes.Pipeline),
            };
        });
        return command;
    }
}
