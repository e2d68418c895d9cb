using System.Globalization;
using Streetcar.Core.Errors;
using Streetcar.Pipeline.Execution;

namespace Streetcar.Pipeline.Slurm;

/// <summary>The result of a job whose array task left the queue: the outcome its command wrote, else Slurm's state.</summary>
public static class SlurmOutcome
{
    /// <summary>
    /// <paramref name="outcome"/> (where it ran filled in) when the command left one; otherwise what
    /// <paramref name="task"/>'s final state means. None of Slurm's failures is final: a rerun may succeed.
    /// </summary>
    public static JobResult Of(JobSpec job, SlurmTask task, JobResult? outcome)
    {
        var where = task.Node is { Length: > 0 } node && node != "(null)" ? $"slurm {task.Id} on {node}" : $"slurm {task.Id}";
        if (outcome is not null)
        {
            return outcome with { Where = where };
        }
        var elapsed = RunTime(task.RunTime);
        JobResult Failed(string why) => new(job.Id, JobState.Failed, why, ExitCodes.Pipeline, false, elapsed, where);
        return task.State switch
        {
            "CANCELLED" when task.Reason == "DependencyNeverSatisfied" =>
                new JobResult(job.Id, JobState.Skipped, "a job it depends on failed", null, false, TimeSpan.Zero, where),
            "CANCELLED" => Failed($"Slurm task {task.Id} was cancelled outside this run (scancel, an administrator)"),
            "TIMEOUT" => Failed($"Slurm task {task.Id} was killed at its time limit ({task.TimeLimit}; cluster.yml time_limit or --slurm-time)"),
            "COMPLETED" => Failed($"Slurm task {task.Id} exited 0 but its command left no outcome"),
            "FAILED" => Failed($"Slurm task {task.Id} failed with exit code {task.ExitCode.Split(':')[0]} and left no outcome (see its log)"),
            _ => Failed($"Slurm task {task.Id} ended {task.State}{(task.Reason is { Length: > 0 } r && r != "None" ? $" ({r})" : "")}"),
        };
    }

    /// <summary>Slurm's <c>[D-]HH:MM:SS</c> (or <c>MM:SS</c>) as a duration; zero when empty or unreadable.</summary>
    public static TimeSpan RunTime(string text)
    {
        var days = 0;
        var clock = text;
        if (text.Split('-') is [var d, var rest] && int.TryParse(d, CultureInfo.InvariantCulture, out days))
        {
            clock = rest;
        }
        var parts = clock.Split(':');
        if (parts.Length is < 2 or > 3 || !parts.All(p => int.TryParse(p, CultureInfo.InvariantCulture, out _)))
        {
            return TimeSpan.Zero;
        }
        var numbers = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return numbers.Length == 3
            ? new TimeSpan(days, numbers[0], numbers[1], numbers[2])
            : new TimeSpan(days, 0, numbers[0], numbers[1]);
    }
}
