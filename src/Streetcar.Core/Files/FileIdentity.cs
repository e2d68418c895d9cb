namespace Streetcar.Core.Files;

/// <summary>
/// What <c>stat</c> says about one file: its kind, its identity (device and inode: two paths with the same pair
/// are the same file, whether through a hard link or a symbolic link), its size and its number of hard links.
/// </summary>
public sealed record FileIdentity(FileKind Kind, ulong Device, ulong Inode, long Size, long Links)
{
    /// <summary>Whether both name the same file (false when either identity is unknown: 0 on a system without stat).</summary>
    public bool SameFileAs(FileIdentity other) => Inode != 0 && Device == other.Device && Inode == other.Inode;

    /// <summary>The kind in words, for error messages ("a FIFO", "a character device").</summary>
    public string Describe() => Kind switch
    {
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "not a regular file",
    };
}
