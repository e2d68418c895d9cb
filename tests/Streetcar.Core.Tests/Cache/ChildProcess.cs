using System.Diagnostics;

namespace Streetcar.Core.Tests.Cache;

/// <summary>
/// A <c>bash -c</c> child for cross-process tests. It signals readiness by printing a line; <see cref="KillHard"/>
/// sends SIGKILL (what .NET's <see cref="Process.Kill()"/> does on Unix), so nothing in the child can clean up.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>Runs <paramref name="script"/> with <paramref name="args"/> as $1.. and waits for its first output line.</summary>
    public static ChildProcess StartAndWaitFor(string expectedLine, string script, params string[] args)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        info.ArgumentList.Add("child");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        var child = new ChildProcess(Process.Start(info)!);
        var line = child._process.StandardOutput.ReadLineAsync();
        if (!line.Wait(TimeSpan.FromSeconds(20)) || line.Result != expectedLine)
        {
            child.Dispose();
            throw new InvalidOperationException($"child did not print '{expectedLine}'");
        }
        return child;
    }

    /// <summary>Runs a short command to completion and returns its exit code.</summary>
    public static int Run(string file, params string[] args)
    {
        using var process = Process.Start(file, args);
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>The id of a process that has exited (and been reaped), so it is certainly not alive.</summary>
    public static int DeadProcessId()
    {
        using var process = Process.Start("true");
        process.WaitForExit();
        return process.Id;
    }

    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            KillHard();
        }
        _process.Dispose();
    }
}
