using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Streetcar.Pipeline.Execution;

/// <summary>
/// <c>--executor process</c>: each job is a child process (<see cref="IJobLauncher.Command"/>, i.e.
/// <c>streetcar exec JOBFILE</c>), up to N at a time on the shared schedule (<see cref="JobQueue"/>). Each child has
/// its own libtorch, so jobs of different thread counts run side by side. A child's stdout lines are forwarded as
/// progress, its warnings too, and everything it writes goes to its log; its outcome file says how it ended. On
/// cancellation every child gets SIGTERM (each stops cleanly, as a run does) and is reported cancelled.
/// </summary>
public sealed class ProcessExecutor(int parallelism) : IJobExecutor
{
    public const string ExecutorName = "process";

    /// <summary>How long a child has to stop after SIGTERM before it is killed.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public string Name => ExecutorName;

    public IReadOnlyList<JobResult> Run(IReadOnlyList<JobSpec> jobs, IJobLauncher launcher, string runFolder, Action<JobEvent> progress, CancellationToken cancel) =>
        JobQueue.Run(jobs, parallelism, (_, _) => true, (job, report) => RunChild(job, launcher, runFolder, report, cancel), progress, cancel);

    private static JobResult RunChild(JobSpec job, IJobLauncher launcher, string runFolder, Action<JobEvent> report, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        var log = launcher.LogPath(job, runFolder);
        try
        {
            var command = launcher.Command(job, runFolder);
            Directory.CreateDirectory(Path.GetDirectoryName(log)!);
            using var writer = new StreamWriter(log) { AutoFlush = true };
            var start = new ProcessStartInfo(command.FileName)
            {
                WorkingDirectory = command.WorkingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in command.Arguments)
            {
                start.ArgumentList.Add(argument);
            }
            foreach (var (name, value) in command.Environment)
            {
                start.Environment[name] = value;
            }
            using var process = new Process { StartInfo = start };
            var gate = new Lock();
            void Line(string? line, bool error)
            {
                if (line is null)
                {
                    return;
                }
                lock (gate)
                {
                    writer.WriteLine(line);
                }
                // The child's own error line stays in its log: the outcome carries the error, and the run says it once.
                if (!error || line.StartsWith("warning: ", StringComparison.Ordinal))
                {
                    report(new JobEvent(job, JobEventKind.Progress, Detail: line));
                }
            }
            process.OutputDataReceived += (_, e) => Line(e.Data, error: false);
            process.ErrorDataReceived += (_, e) => Line(e.Data, error: true);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var where = $"pid {process.Id}";
            var stopping = false;
            while (!process.WaitForExit(200))
            {
                if (cancel.IsCancellationRequested && !stopping)
                {
                    stopping = true;
                    _ = Kill(process.Id, SigTerm);
                    if (!process.WaitForExit(Grace))
                    {
                        process.Kill(entireProcessTree: true);
                    }
                }
            }
            process.WaitForExit(); // the last lines of both streams
            var outcome = launcher.ReadOutcome(job, runFolder);
            if (outcome is not null)
            {
                return outcome with { Elapsed = watch.Elapsed };
            }
            return stopping || cancel.IsCancellationRequested
                ? new JobResult(job.Id, JobState.Cancelled, "cancelled", null, false, watch.Elapsed, where)
                : new JobResult(job.Id, JobState.Failed, $"its process exited with code {process.ExitCode} and left no outcome (log: {log})", Core.Errors.ExitCodes.Pipeline, false, watch.Elapsed, where);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return new JobResult(job.Id, JobState.Failed, $"could not run its process: {e.Message}", Core.Errors.ExitCodes.Pipeline, false, watch.Elapsed, "-");
        }
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
