using System.Globalization;
using Streetcar.Pipeline.Execution;

namespace Streetcar.Cli.Output;

/// <summary>
/// Progress of a run's jobs for people: a line when a job starts or ends (with what else is running), and the
/// jobs' own progress lines (a training's start, one line per trained epoch) as they come, from a thread of this
/// process or a child's output. Lines, not bars, so that jobs running side by side stay readable in a terminal
/// and in a CI log alike.
/// </summary>
public sealed class JobBoard(CliConsole console, int total)
{
    private readonly Lock _lock = new();
    private readonly List<JobSpec> _running = [];
    private int _done;

    /// <summary>Prints <paramref name="e"/>; executors call it one event at a time.</summary>
    public void On(JobEvent e)
    {
        lock (_lock)
        {
            switch (e.Kind)
            {
                case JobEventKind.Started:
                    _running.Add(e.Job);
                    console.Info($"[{_done}/{total} done] start {e.Job.Label}{Others(e.Job)}");
                    break;
                case JobEventKind.Submitted:
                    console.Info($"[{_done}/{total} done] {e.Job.Label}: {e.Detail ?? "submitted"}");
                    break;
                case JobEventKind.Progress when e.Detail is { } line:
                    if (line.StartsWith("warning: ", StringComparison.Ordinal))
                    {
                        console.Warn(line["warning: ".Length..]);
                    }
                    else
                    {
                        console.Info(line);
                    }
                    break;
                case JobEventKind.Finished when e.Result is { } result:
                    Finished(e.Job, result);
                    break;
            }
        }
    }

    private void Finished(JobSpec job, JobResult result)
    {
        _running.Remove(job);
        if (result.State == JobState.Cancelled && result.Elapsed == TimeSpan.Zero)
        {
            return; // never started: nothing to say
        }
        _done++;
        var seconds = result.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
        // Progress, not the verdict: the verb ends with one error line naming what failed.
        console.Info(result.State switch
        {
            JobState.Succeeded => $"[{_done}/{total} done] {job.Label}: done in {seconds} s",
            JobState.Cancelled => $"[{_done}/{total} done] {job.Label}: cancelled after {seconds} s",
            JobState.Failed => $"[{_done}/{total} done] {job.Label}: failed: {result.Error}",
            _ => $"[{_done}/{total} done] {job.Label}: skipped, a job it needs failed",
        });
    }

    private string Others(JobSpec job)
    {
        var others = _running.Where(r => r != job).Select(r => r.Label).ToArray();
        return others.Length == 0 ? "" : $" (also running: {string.Join("; ", others)})";
    }
}
