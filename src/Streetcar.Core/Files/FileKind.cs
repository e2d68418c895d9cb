namespace Streetcar.Core.Files;

/// <summary>What a path names, as <c>lstat</c>/<c>stat</c> report it (the <c>S_IFMT</c> bits).</summary>
public enum FileKind
{
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}
