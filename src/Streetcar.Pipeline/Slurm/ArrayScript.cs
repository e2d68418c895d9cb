using System.Text;
using Streetcar.Pipeline.Execution;

namespace Streetcar.Pipeline.Slurm;

/// <summary>
/// The batch script of one array submission: task k (<c>SLURM_ARRAY_TASK_ID</c>) runs the command of job k, its
/// stdout and stderr appended to that job's log. Written under the run folder, which every node can read.
/// </summary>
public static class ArrayScript
{
    /// <summary>Exit status of a task id the script does not know (a bug: Slurm runs only 0..N-1).</summary>
    public const int UnknownTask = 70;

    /// <summary>The script's text for <paramref name="tasks"/> (command, log path) by task index.</summary>
    public static string Text(IReadOnlyList<(JobCommand Command, string Log)> tasks)
    {
        var script = new StringBuilder();
        script.Append("#!/bin/sh\n");
        script.Append("# Written by streetcar's Slurm executor: one branch per array task.\n");
        script.Append("case \"$SLURM_ARRAY_TASK_ID\" in\n");
        for (var k = 0; k < tasks.Count; k++)
        {
            var (command, log) = tasks[k];
            script.Append($"{k})\n");
            script.Append($"    cd {Quote(command.WorkingDirectory)} || exit {UnknownTask}\n");
            foreach (var (name, value) in command.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                script.Append($"    export {name}={Quote(value)}\n");
            }
            script.Append($"    exec {string.Join(' ', command.Arguments.Prepend(command.FileName).Select(Quote))} >>{Quote(log)} 2>&1\n");
            script.Append("    ;;\n");
        }
        script.Append($"*)\n    echo \"no job for array task $SLURM_ARRAY_TASK_ID\" >&2\n    exit {UnknownTask}\n    ;;\nesac\n");
        return script.ToString();
    }

    /// <summary>Writes the script to <paramref name="path"/>, executable by its owner.</summary>
    public static void Write(string path, IReadOnlyList<(JobCommand Command, string Log)> tasks)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Text(tasks));
        // Slurm runs on Unix only; the check keeps the platform analyzer content.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        }
    }

    /// <summary>One POSIX shell word: single quotes, an embedded quote as <c>'\''</c>.</summary>
    public static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
