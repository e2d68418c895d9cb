using System.Diagnostics;
using System.Globalization;
using Streetcar.Core.Cache;

namespace Streetcar.Core.Tests.Cache;

/// <summary>
/// Entry lock files written by hand, in the format <see cref="EntryLock"/> writes: a holder that is another process
/// (a bash child, SIGKILLed later) or another host, whose heartbeat the test advances or stops.
/// </summary>
internal static class LockFiles
{
    /// <summary>Writes the lock of <paramref name="hash"/> in <paramref name="stageFolder"/> as held by <paramref name="pid"/> here.</summary>
    public static string HeldByProcess(string stageFolder, string hash, int pid, long? startTicks = null)
    {
        using var process = Process.GetProcessById(pid);
        return Write(stageFolder, hash, Environment.MachineName, pid, startTicks ?? process.StartTime.ToUniversalTime().Ticks, beat: 0);
    }

    /// <summary>Writes the lock as held by process 1 of another machine, heartbeat <paramref name="beat"/>.</summary>
    public static string HeldByOtherHost(string stageFolder, string hash, long beat = 0) =>
        Write(stageFolder, hash, "another-host.example", 1, 0, beat);

    public static string Write(string stageFolder, string hash, string host, int pid, long startTicks, long beat)
    {
        Directory.CreateDirectory(stageFolder);
        var path = EntryLock.PathFor(stageFolder, hash);
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture,
            $"host {host}\npid {pid}\nstarted {startTicks}\ntoken {host}-{pid}-{startTicks}-1\nbeat {beat:D12}\n"));
        return path;
    }
}
