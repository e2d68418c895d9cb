using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Streetcar.Cli.Tests.Fixtures;

/// <summary>
/// The CLI as a child process (<c>dotnet streetcar.dll ...</c>), with both output streams collected line by line
/// so a test can wait for the line that marks a stage and stop it there (SIGKILL, or SIGINT/SIGTERM to see it stop cleanly).
/// </summary>
public sealed class CliChild : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly BlockingCollection<string> _lines = [];
    private bool _killed;

    private CliChild(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet streetcar.dll</c> with <paramref name="args"/>; <paramref name="environment"/> is added.</summary>
    public static CliChild Start(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The CLI assembly, copied next to the tests by the project reference.
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "streetcar.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        var process = new Process { StartInfo = info };
        var child = new CliChild(process);
        process.OutputDataReceived += (_, e) => child.Receive(child._output, e.Data);
        process.ErrorDataReceived += (_, e) => child.Receive(child._error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// Blocks until a folder matching <paramref name="pattern"/> appears in <paramref name="parent"/> (polled every
    /// millisecond, so a test can catch a short-lived one such as the report's staging tree); false on timeout or exit.
    /// </summary>
    public bool WaitForFolder(string parent, string pattern, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !HasExited)
        {
            if (Directory.EnumerateDirectories(parent, pattern).Any())
            {
                return true;
            }
            Thread.Sleep(1);
        }
        return false;
    }

    /// <summary>Blocks until a line (stdout or stderr) contains <paramref name="marker"/>; false on timeout or exit.</summary>
    public bool WaitForLine(string marker, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_lines.TryTake(out var line, TimeSpan.FromMilliseconds(50)))
            {
                if (line.Contains(marker, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            else if (_process.HasExited)
            {
                // The child may have printed the line just before it ended: read what is still queued first.
                _process.WaitForExit();
                while (_lines.TryTake(out var rest))
                {
                    if (rest.Contains(marker, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    /// <summary>Sends <paramref name="signal"/> (SIGINT 2, SIGTERM 15) to the child alone, as Ctrl+C or `kill` would.</summary>
    public void Send(int signal)
    {
        if (Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>SIGKILL to the whole process tree: nothing in the child gets to clean up.</summary>
    public void KillHard()
    {
        _killed = true;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Waits for the child to end by itself and returns what it printed.</summary>
    public CliResult WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            KillHard();
            throw new TimeoutException($"the CLI did not finish within {timeout}:\n{Result()}");
        }
        _process.WaitForExit(); // flushes the asynchronous readers
        return Result();
    }

    /// <summary>What the child printed so far; exit code -9 when killed, -1 while running.</summary>
    public CliResult Result()
    {
        lock (_output)
        {
            var exit = _killed ? -9 : _process.HasExited ? _process.ExitCode : -1;
            return new CliResult(exit, _output.ToString(), _error.ToString());
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            KillHard();
        }
        _process.Dispose();
        _lines.Dispose();
    }

    [System.Runtime.InteropServices.DllImport("libc.so.6", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private void Receive(StringBuilder into, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            into.Append(line).Append('\n');
        }
        if (!_lines.IsAddingCompleted)
        {
            _lines.Add(line);
        }
    }
}
