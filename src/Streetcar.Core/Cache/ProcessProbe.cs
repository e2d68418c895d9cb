using System.Diagnostics;

namespace Streetcar.Core.Cache;

/// <summary>Whether a process id belongs to a running process on this machine.</summary>
internal static class ProcessProbe
{
    public static int CurrentId { get; } = Environment.ProcessId;

    public static bool IsAlive(int pid)
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
}
