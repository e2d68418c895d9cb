using System.Runtime.InteropServices;

namespace Streetcar.Core.Files;

/// <summary>The two Linux system calls .NET does not expose: an atomic exchange of two paths, and a hard link.</summary>
internal static class LinuxFiles
{
    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    /// <summary>
    /// Swaps the two existing paths in one <c>renameat2(RENAME_EXCHANGE)</c>: at every instant each name holds either
    /// its old or its new content, whatever happens to the process. False when the kernel, the C library or the file
    /// system cannot (not Linux, glibc before 2.28, ENOSYS, EINVAL); an I/O error otherwise.
    /// </summary>
    public static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            if (RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0)
            {
                return true;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
        var errno = Marshal.GetLastPInvokeError();
        // ENOSYS 38, EINVAL 22 (the file system does not support the flag), ENOTSUP 95.
        return errno is 38 or 22 or 95 ? false : throw new IOException($"cannot exchange {a} and {b}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
    }

    /// <summary>A hard link <paramref name="link"/> to <paramref name="target"/>; false when it cannot be made (then copy).</summary>
    public static bool TryHardLink(string target, string link)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            return Link(target, link) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc.so.6", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int oldDirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, int newDirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);

    [DllImport("libc.so.6", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string target, [MarshalAs(UnmanagedType.LPUTF8Str)] string link);
}
