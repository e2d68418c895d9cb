using System.Runtime.InteropServices;

namespace Streetcar.Core.Files;

/// <summary>
/// Linux <c>statx(2)</c> through glibc. .NET exposes neither a file's type (FIFO, device, socket) nor its inode,
/// and opening a FIFO to find out blocks; <c>statx</c> is used rather than <c>stat</c> because its struct has the
/// same layout on every architecture.
/// </summary>
internal static class NativeStat
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint BasicStats = 0x7ff;

    // struct statx is 256 bytes; the fields read here and their offsets (linux/stat.h).
    private const int Size = 256;
    private const int NlinkOffset = 16;
    private const int ModeOffset = 28;
    private const int InodeOffset = 32;
    private const int SizeOffset = 40;
    private const int DevMajorOffset = 136;
    private const int DevMinorOffset = 140;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int StatX(int dirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    /// <summary>The file at <paramref name="path"/> (the link itself unless <paramref name="follow"/>), or null when nothing is there.</summary>
    public static FileIdentity? Of(string path, bool follow) => Call(AtFdCwd, path, follow ? 0 : AtSymlinkNoFollow);

    /// <summary>The file an open descriptor refers to.</summary>
    public static FileIdentity? Of(SafeHandle handle)
    {
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return Call((int)handle.DangerousGetHandle(), "", AtEmptyPath);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static FileIdentity? Call(int dirFd, string path, int flags)
    {
        var buffer = new byte[Size];
        if (StatX(dirFd, path, flags, BasicStats, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            // ENOENT, ENOTDIR: nothing there; anything else (EACCES, ELOOP) is reported by the open that follows.
            return errno is 2 or 20 ? null : throw new IOException($"cannot stat {path}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
        var mode = BitConverter.ToUInt16(buffer, ModeOffset);
        var device = ((ulong)BitConverter.ToUInt32(buffer, DevMajorOffset) << 32) | BitConverter.ToUInt32(buffer, DevMinorOffset);
        return new FileIdentity(KindOf(mode), device, BitConverter.ToUInt64(buffer, InodeOffset),
            (long)BitConverter.ToUInt64(buffer, SizeOffset), BitConverter.ToUInt32(buffer, NlinkOffset));
    }

    private static FileKind KindOf(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.SymbolicLink,
        0x1000 => FileKind.Fifo,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Other,
    };
}
