using System.Diagnostics;

namespace Streetcar.Core.Cache;

/// <summary>Whether a process id belongs to a running process on this machine, and which process it is.</summary>
internal static class ProcessProbe
{
    /// <summary>
    /// Two reads of one process's start time agree to the clock tick; a second of slack still tells a reused id
    /// apart, since an id is reused only after a wrap of the pid space, far longer than a second.
    /// </summary>
    private static readonly long StartSlack = TimeSpan.TicksPerSecond;

    public static int CurrentId { get; } = Environment.ProcessId;

    /// <summary>UTC ticks of this process's start (what a lock file records), 0 when the system does not say.</summary>
    public static long CurrentStart { get; } = StartOf(CurrentId) ?? 0;

    public static string Host { get; } = Environment.MachineName;

    public static bool IsAlive(int pid) => IsRunning(pid);

    /// <summary>
    /// True when process <paramref name="pid"/> runs and is the one that started at <paramref name="startTicks"/>
    /// (0: any process with that id).
    /// </summary>
    public static bool IsAlive(int pid, long startTicks)
    {
        if (!IsRunning(pid))
        {
            return false;
        }
        return startTicks == 0 || StartOf(pid) is not { } start || Math.Abs(start - startTicks) <= StartSlack;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static long? StartOf(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : process.StartTime.ToUniversalTime().Ticks;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }
}
