using Microsoft.Win32.SafeHandles;

namespace Streetcar.Core.Files;

/// <summary>
/// What is at a path, without opening it (opening a FIFO blocks until a writer comes; reading a device never
/// ends). On Linux through <c>statx</c>; elsewhere through .NET's own view, which knows folders and symbolic
/// links but neither FIFOs, devices nor inodes.
/// </summary>
public static class FileProbe
{
    // A Linux without glibc's statx (musl, glibc < 2.28) gets .NET's view rather than a crash.
    private static bool _native = OperatingSystem.IsLinux();

    /// <summary>The path itself, a symbolic link not followed (<c>lstat</c>); null when nothing is there.</summary>
    public static FileIdentity? Link(string path) => Native(() => NativeStat.Of(path, follow: false), () => Managed(path, follow: false));

    /// <summary>What the path resolves to, symbolic links followed (<c>stat</c>); null when nothing is there (or a dangling link).</summary>
    public static FileIdentity? Target(string path) => Native(() => NativeStat.Of(path, follow: true), () => Managed(path, follow: true));

    /// <summary>The file an open handle refers to (<c>fstat</c>); null where the system cannot tell.</summary>
    public static FileIdentity? Open(SafeFileHandle handle) => Native(() => NativeStat.Of(handle), () => null);

    private static FileIdentity? Native(Func<FileIdentity?> native, Func<FileIdentity?> managed)
    {
        if (_native)
        {
            try
            {
                return native();
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                _native = false;
            }
        }
        return managed();
    }

    private static FileIdentity? Managed(string path, bool follow)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            if (!follow)
            {
                return new FileIdentity(FileKind.SymbolicLink, 0, 0, 0, 1);
            }
            info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        }
        return info switch
        {
            { Exists: false } => null,
            DirectoryInfo => new FileIdentity(FileKind.Directory, 0, 0, 0, 1),
            FileInfo file => new FileIdentity(FileKind.Regular, 0, 0, file.Length, 1),
            _ => null,
        };
    }
}
