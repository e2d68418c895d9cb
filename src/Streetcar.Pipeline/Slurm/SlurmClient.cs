using System.Diagnostics;
using System.Text.RegularExpressions;
using Streetcar.Core.Errors;

namespace Streetcar.Pipeline.Slurm;

/// <summary>
/// The four Slurm commands the executor uses, run as processes and their output parsed: <c>sbatch</c>,
/// <c>squeue</c>, <c>scontrol</c> and <c>scancel</c>. Never <c>sacct</c>: many clusters run without accounting.
/// A command that fails is a <see cref="PipelineException"/> (exit 2) naming it, with the first line it printed.
/// </summary>
public sealed partial class SlurmClient(SlurmTools tools)
{
    /// <summary>How long one command may take: a controller that hangs is an error, not a stuck run.</summary>
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    public SlurmTools Tools { get; } = tools;

    /// <summary>Number of <c>sbatch</c> calls made (for the run's summary and the tests).</summary>
    public int Submissions { get; private set; }

    /// <summary>Number of <c>squeue</c> polls made.</summary>
    public int Polls { get; private set; }

    /// <summary>Throws unless <c>scontrol ping</c> says the controller is up.</summary>
    public void Ping()
    {
        var (exit, output, error) = Run("scontrol", ["ping"]);
        if (exit != 0 || !output.Contains(" is UP", StringComparison.Ordinal))
        {
            throw new PipelineException($"--executor slurm: slurmctld does not answer (scontrol ping: {FirstLine(output + "\n" + error)})");
        }
    }

    /// <summary>Runs <c>sbatch --parsable ARGS</c>; returns the job id it printed.</summary>
    public string Submit(IReadOnlyList<string> arguments)
    {
        var (exit, output, error) = Run("sbatch", ["--parsable", .. arguments]);
        Submissions++;
        // --parsable prints "ID" or "ID;CLUSTER".
        var id = output.Trim().Split(';')[0];
        if (exit != 0 || !JobId().IsMatch(id))
        {
            throw Failed("sbatch", exit, output, error);
        }
        return id;
    }

    /// <summary>The run's tasks still in the queue: one <c>squeue</c> for every job named <paramref name="runName"/>, one line per array task.</summary>
    public IReadOnlyList<SlurmTask> Queue(string runName)
    {
        var (exit, output, error) = Run("squeue", ["--noheader", "--array", $"--name={runName}", "--format=%i|%T|%r|%N"]);
        Polls++;
        if (exit != 0 || error.Contains("error", StringComparison.OrdinalIgnoreCase))
        {
            throw Failed("squeue", exit, output, error);
        }
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|'))
            .Where(fields => fields.Length == 4)
            .Select(fields => new SlurmTask(fields[0], fields[1], fields[2], Node: fields[3]))];
    }

    /// <summary>
    /// Every task of array job <paramref name="arrayJobId"/> as <c>scontrol show job</c> reports it (jobs that left
    /// the queue stay there for the controller's MinJobAge, 300 s by default); empty when the controller forgot it.
    /// </summary>
    public IReadOnlyList<SlurmTask> Show(string arrayJobId)
    {
        var (exit, output, error) = Run("scontrol", ["--oneliner", "show", "job", arrayJobId]);
        if (exit != 0)
        {
            if ((output + error).Contains("Invalid job id", StringComparison.Ordinal))
            {
                return [];
            }
            throw Failed("scontrol show job", exit, output, error);
        }
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => new SlurmTask(
                $"{Field(line, "ArrayJobId")}_{Field(line, "ArrayTaskId")}",
                Field(line, "JobState"),
                Field(line, "Reason"),
                Field(line, "ExitCode"),
                Field(line, "RunTime"),
                Field(line, "TimeLimit"),
                Field(line, "NodeList")))];
    }

    /// <summary><c>scancel</c> the array jobs <paramref name="arrayJobIds"/> (every task, pending or running).</summary>
    public void Cancel(IReadOnlyCollection<string> arrayJobIds)
    {
        if (arrayJobIds.Count == 0)
        {
            return;
        }
        var (exit, output, error) = Run("scancel", [.. arrayJobIds]);
        // scancel says "already completing or completed" for a job that ended meanwhile: not a failure to cancel.
        if (exit != 0 && !error.Contains("already completing or completed", StringComparison.Ordinal))
        {
            throw Failed("scancel", exit, output, error);
        }
    }

    private (int Exit, string Output, string Error) Run(string command, IReadOnlyList<string> arguments)
    {
        var path = Tools.Find(command)
            ?? throw new PipelineException($"--executor slurm: {command} not found on PATH (is this a Slurm login node?)");
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in Tools.Environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new PipelineException($"--executor slurm: {command} could not be started");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new PipelineException($"--executor slurm: {command} did not answer within {CommandTimeout.TotalSeconds:0} s");
        }
        return (process.ExitCode, output.Result, error.Result);
    }

    private static PipelineException Failed(string command, int exit, string output, string error) =>
        new($"--executor slurm: {command} failed (exit {exit}): {FirstLine(error + "\n" + output)}");

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no output";

    /// <summary>The value of <c>Key=</c> in one <c>scontrol --oneliner</c> line (whole keys only: NodeList, not ReqNodeList).</summary>
    private static string Field(string line, string key) =>
        Regex.Match(line, $@"(?:^|\s){key}=(\S*)") is { Success: true } match ? match.Groups[1].Value : "";

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex JobId();
}
