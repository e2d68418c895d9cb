using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Streetcar.Testing;

/// <summary>
/// Makes the files a careless writer or reader trips over: FIFOs, hard links, sockets, immutable folders and
/// small full file systems (a tmpfs mount; these two need root, as the CI runs).
/// </summary>
public static class SpecialFiles
{
    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MkFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string added);

    public static void Fifo(string path) => Check(MkFifo(path, Convert.ToUInt32("644", 8)), "mkfifo", path);

    public static void HardLink(string existing, string added) => Check(Link(existing, added), "link", added);

    [DllImport("libc", EntryPoint = "mknod", SetLastError = true)]
    private static extern int MkNod([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode, ulong device);

    /// <summary>A Unix socket file at <paramref name="path"/> (made by mknod: .NET removes a bound socket's file when it closes).</summary>
    public static void Socket(string path) => Check(MkNod(path, 0xC000 | Convert.ToUInt32("644", 8), 0), "mknod", path);

    /// <summary>Mounts a tmpfs of <paramref name="kilobytes"/> KiB at <paramref name="folder"/> (created): a disk that fills up (or, with "ro", a read-only one).</summary>
    public static void SmallDisk(string folder, int kilobytes = 64, string? options = null)
    {
        Directory.CreateDirectory(folder);
        Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k{(options is null ? "" : "," + options)}", "tmpfs", folder);
    }

    public static void Unmount(string folder) => Run("umount", folder);

    /// <summary>Makes <paramref name="folder"/> immutable (chattr +i): not even root can add or remove a file in it.</summary>
    public static void Immutable(string folder, bool on = true) => Run("chattr", on ? "+i" : "-i", folder);

    /// <summary>Runs a tool and fails loudly if it fails: a test that cannot set up its fault must not pass.</summary>
    public static void Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({process.ExitCode}): {error} (these fault tests need root)");
        }
    }

    private static void Check(int result, string call, string path)
    {
        if (result != 0)
        {
            throw new IOException($"{call} {path}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }
    }
}
