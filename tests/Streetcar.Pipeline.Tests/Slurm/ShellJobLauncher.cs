using System.Globalization;
using System.Text.Json.Nodes;
using Streetcar.Pipeline.Execution;

namespace Streetcar.Pipeline.Tests.Slurm;

/// <summary>
/// A launcher whose jobs are small shell scripts (the <c>script</c> of their payload): each writes an outcome file
/// with its start and end times when its script exits, success or not; a job killed from outside writes none.
/// </summary>
public sealed class ShellJobLauncher : IJobLauncher
{
    public static JobSpec Job(string id, string script, params string[] dependsOn) =>
        new(id, id.Split('-')[0], "key-" + id, new Dictionary<string, string>(), dependsOn, 1, id, [id.Split('-').Last()], new JsonObject { ["script"] = script });

    public JobResult RunInProcess(JobSpec job, Action<string> progress, CancellationToken cancel) =>
        throw new NotSupportedException("the Slurm executor runs commands");

    public JobCommand Command(JobSpec job, string runFolder)
    {
        var outcome = OutcomePath(job, runFolder);
        Directory.CreateDirectory(Path.GetDirectoryName(outcome)!);
        // The outcome is written to a temp name and renamed: a reader never sees half a line.
        var wrapper = $"""
            start=$(date +%s.%N)
            ( {job.Payload["script"]!.GetValue<string>()} )
            rc=$?
            end=$(date +%s.%N)
            if [ $rc -eq 0 ]; then state=Succeeded; else state=Failed; fi
            echo "$state $rc $start $end" > "$OUTCOME.tmp" && mv "$OUTCOME.tmp" "$OUTCOME"
            exit $rc
            """;
        return new JobCommand("/bin/sh", ["-c", wrapper], runFolder, new Dictionary<string, string> { ["OUTCOME"] = outcome, ["JOB"] = job.Id });
    }

    public string OutcomePath(JobSpec job, string runFolder) => Path.Combine(runFolder, "outcomes", job.Id + ".txt");

    public string LogPath(JobSpec job, string runFolder) => Path.Combine(runFolder, "logs", job.Id + ".log");

    public JobResult? ReadOutcome(JobSpec job, string runFolder) =>
        Times(job, runFolder) is var (state, exit, start, end)
            ? new JobResult(job.Id, state, state == JobState.Failed ? $"script exited {exit}" : null, state == JobState.Failed ? 2 : null, false, TimeSpan.FromSeconds(end - start), "shell")
            : null;

    /// <summary>The job's state, exit status, start and end (Unix seconds) from its outcome file, or null without one.</summary>
    public (JobState State, int Exit, double Start, double End)? Times(JobSpec job, string runFolder)
    {
        var path = OutcomePath(job, runFolder);
        if (!File.Exists(path))
        {
            return null;
        }
        var fields = File.ReadAllText(path).Split(' ', StringSplitOptions.TrimEntries);
        return (Enum.Parse<JobState>(fields[0]), int.Parse(fields[1], CultureInfo.InvariantCulture),
            double.Parse(fields[2], CultureInfo.InvariantCulture), double.Parse(fields[3], CultureInfo.InvariantCulture));
    }
}
