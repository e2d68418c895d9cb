using System.Diagnostics;
using System.Text.RegularExpressions;
using Streetcar.Core.Errors;
using Streetcar.Pipeline.Execution;

namespace Streetcar.Pipeline.Slurm;

/// <summary>
/// <c>--executor slurm</c>: each job an array task of an <c>sbatch</c> job (<see cref="SubmissionPlan"/>), all under
/// one job name per run, followed by one <c>squeue --name</c> poll every few seconds (and <c>scontrol show job</c>
/// for the tasks that left the queue; never <c>sacct</c>). A job's result is the outcome its command left, else
/// what Slurm says of it. Cancellation <c>scancel</c>s every job of the run.
/// </summary>
public sealed partial class SlurmExecutor : IJobExecutor
{
    private readonly SlurmClient _client;

    private SlurmExecutor(ClusterConfig config, SlurmClient client)
    {
        Config = config;
        _client = client;
    }

    public string Name => "slurm";

    /// <summary>The settings in force: <c>cluster.yml</c> with the command line's values over it.</summary>
    public ClusterConfig Config { get; }

    /// <summary>The costs of the last <see cref="Run"/>, or null before one.</summary>
    public SlurmRunStats? LastRun { get; private set; }

    /// <summary>
    /// Reads and validates <c>cluster.yml</c> under <paramref name="workspaceRoot"/> (exit 3 naming the key) and
    /// <paramref name="overrides"/> (exit 64 naming the option), then checks that <c>sbatch</c> is on PATH and that
    /// slurmctld answers <c>scontrol ping</c> (exit 2 naming which). Nothing is submitted before all of that holds.
    /// </summary>
    /// <param name="tools">Where the Slurm commands are and their environment; the process's by default.</param>
    public static SlurmExecutor Open(string workspaceRoot, SlurmOptions overrides, SlurmTools? tools = null)
    {
        var config = ClusterConfig.Load(workspaceRoot);
        if (new ClusterConfig().With(overrides).Problems() is [var (key, problem), ..])
        {
            throw new PipelineException($"{SlurmOptions.OptionFor(key)}: {problem}", ExitCodes.Usage);
        }
        tools ??= SlurmTools.FromProcess();
        if (tools.Find("sbatch") is null)
        {
            throw new PipelineException("--executor slurm: sbatch not found on PATH (is this a Slurm login node?)");
        }
        var client = new SlurmClient(tools);
        client.Ping();
        return new SlurmExecutor(config.With(overrides), client);
    }

    public IReadOnlyList<JobResult> Run(IReadOnlyList<JobSpec> jobs, IJobLauncher launcher, string runFolder, Action<JobEvent> progress, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var plan = SubmissionPlan.Of(jobs);
        var run = new SlurmRun(RunName(runFolder), plan, launcher, runFolder, progress);
        var (polls, submissions) = (_client.Polls, _client.Submissions);
        if (jobs.Count > 0)
        {
            var submitted = TimeSpan.Zero;
            try
            {
                Submit(run, cancel);
                submitted = clock.Elapsed;
                Follow(run, cancel);
            }
            catch (PipelineException)
            {
                // squeue or scontrol failing mid-run must not leave the run's jobs behind on the cluster.
                try
                {
                    _client.Cancel(run.ArrayIds);
                }
                catch (PipelineException)
                {
                    // The first error is the one to report; a failed scancel would only hide it.
                }
                throw;
            }
            LastRun = new SlurmRunStats(_client.Submissions - submissions, plan.Hops, submitted, _client.Polls - polls, clock.Elapsed);
        }
        return [.. jobs.Select(job => run.Results[job.Id])];
    }

    /// <summary>The job name of every Slurm job of a run: the run folder's name, which is unique per run.</summary>
    public static string RunName(string runFolder) =>
        "streetcar-" + Unsafe().Replace(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(runFolder))), "_");

    private void Submit(SlurmRun run, CancellationToken cancel)
    {
        var folder = Path.Combine(run.RunFolder, "slurm");
        foreach (var submission in run.Plan.Submissions)
        {
            if (cancel.IsCancellationRequested)
            {
                return;
            }
            var tasks = submission.Tasks.Select(job => (run.Launcher.Command(job, run.RunFolder), run.Launcher.LogPath(job, run.RunFolder))).ToList();
            foreach (var (_, log) in tasks)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(log))!);
            }
            var name = $"{submission.Index:D3}-{submission.Stage}";
            var script = Path.Combine(folder, name + ".sh");
            ArrayScript.Write(script, tasks);
            var arguments = new List<string>
            {
                $"--job-name={run.Name}",
                $"--array=0-{submission.Tasks.Count - 1}",
                $"--cpus-per-task={Math.Min(Math.Max(1, submission.Threads), Config.MaxCpusPerTask ?? int.MaxValue)}",
                // Slurm's own messages (a time-limit kill, a node failure); the command's output goes to its job log.
                $"--output={Path.Combine(folder, name + "-%a.out")}",
            };
            AddIfSet(arguments, "--partition", Config.Partition);
            AddIfSet(arguments, "--account", Config.Account);
            AddIfSet(arguments, "--time", Config.TimeLimit);
            arguments.AddRange(Config.SbatchOptions);
            if (submission.DependencyArgument(run.ArrayIds) is { } dependency)
            {
                arguments.Add($"--dependency={dependency}");
                arguments.Add("--kill-on-invalid-dep=yes");
            }
            arguments.Add(script);
            string id;
            try
            {
                id = _client.Submit(arguments);
            }
            catch (PipelineException)
            {
                // Nothing half-submitted: what went in before the failed sbatch is taken back.
                _client.Cancel(run.ArrayIds);
                throw;
            }
            run.ArrayIds.Add(id);
            for (var k = 0; k < submission.Tasks.Count; k++)
            {
                run.Tasks[$"{id}_{k}"] = submission.Tasks[k];
                run.Progress(new JobEvent(submission.Tasks[k], JobEventKind.Submitted, Detail: $"submitted as {id}_{k}"));
            }
        }
    }

    private void Follow(SlurmRun run, CancellationToken cancel)
    {
        var interval = TimeSpan.FromSeconds(Config.PollSeconds);
        var started = new HashSet<string>(StringComparer.Ordinal);
        var unseen = new Dictionary<string, int>(StringComparer.Ordinal);
        while (run.Results.Count < run.Tasks.Count && !cancel.IsCancellationRequested)
        {
            if (cancel.WaitHandle.WaitOne(interval))
            {
                break;
            }
            var queued = _client.Queue(run.Name).ToDictionary(t => t.Id, StringComparer.Ordinal);
            var left = new List<string>();
            foreach (var (taskId, job) in run.Tasks.Where(t => !run.Results.ContainsKey(t.Value.Id)))
            {
                if (queued.TryGetValue(taskId, out var task))
                {
                    if (task.State == "RUNNING" && started.Add(taskId))
                    {
                        run.Progress(new JobEvent(job, JobEventKind.Started, Detail: $"running as {taskId} on {task.Node}"));
                    }
                }
                else
                {
                    left.Add(taskId);
                }
            }
            foreach (var arrayId in left.Select(t => t.Split('_')[0]).Distinct(StringComparer.Ordinal))
            {
                var shown = _client.Show(arrayId).ToDictionary(t => t.Id, StringComparer.Ordinal);
                foreach (var taskId in left.Where(t => t.StartsWith(arrayId + "_", StringComparison.Ordinal)))
                {
                    var job = run.Tasks[taskId];
                    if (shown.TryGetValue(taskId, out var task) && !task.Active)
                    {
                        run.Finish(job, SlurmOutcome.Of(job, task, run.Launcher.ReadOutcome(job, run.RunFolder)));
                    }
                    else if (!shown.ContainsKey(taskId) && (unseen[taskId] = unseen.GetValueOrDefault(taskId) + 1) >= 3)
                    {
                        // Gone from the queue and from the controller's memory (MinJobAge passed between polls).
                        run.Finish(job, run.Launcher.ReadOutcome(job, run.RunFolder)
                            ?? new JobResult(job.Id, JobState.Failed, $"Slurm task {taskId} left the queue and no state or outcome of it remains", ExitCodes.Pipeline, false, TimeSpan.Zero, $"slurm {taskId}"));
                    }
                }
            }
        }
        if (run.Results.Count < run.Tasks.Count || run.ArrayIds.Count < run.Plan.Submissions.Count)
        {
            CancelAll(run);
        }
    }

    /// <summary>scancel every job of the run, wait until the queue holds none of them, and report the rest Cancelled.</summary>
    private void CancelAll(SlurmRun run)
    {
        _client.Cancel(run.ArrayIds);
        var deadline = Stopwatch.StartNew();
        while (_client.Queue(run.Name).Count > 0 && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(500));
        }
        foreach (var job in run.Plan.Submissions.SelectMany(s => s.Tasks).Where(j => !run.Results.ContainsKey(j.Id)))
        {
            // A job that finished between the last poll and the scancel keeps its success.
            var outcome = run.Launcher.ReadOutcome(job, run.RunFolder);
            run.Finish(job, outcome is { State: JobState.Succeeded }
                ? outcome
                : new JobResult(job.Id, JobState.Cancelled, "the run was cancelled", null, false, TimeSpan.Zero, "slurm (scancelled)"));
        }
    }

    private static void AddIfSet(List<string> arguments, string option, string? value)
    {
        if (value is not null)
        {
            arguments.Add($"{option}={value}");
        }
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex Unsafe();
}
