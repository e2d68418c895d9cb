using Streetcar.Core.Files;
using Streetcar.Core.Tests.Cache;

namespace Streetcar.Core.Tests.Files;

/// <summary>lstat/stat through statx: kinds, identities and link counts, without opening anything.</summary>
public sealed class FileProbeTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void GivenEachKindOfFile_WhenProbed_ThenItsKindIsReported()
    {
        var file = Make("file", p => File.WriteAllText(p, "x"));
        var fifo = Make("fifo", SpecialFiles.Fifo);
        var socket = Make("socket", SpecialFiles.Socket);
        var link = Make("link", p => File.CreateSymbolicLink(p, file));

        Assert.Equal(FileKind.Regular, FileProbe.Link(file)!.Kind);
        Assert.Equal(1, FileProbe.Link(file)!.Size);
        Assert.Equal(FileKind.Directory, FileProbe.Link(_temp.Path)!.Kind);
        Assert.Equal(FileKind.Fifo, FileProbe.Link(fifo)!.Kind);
        Assert.Equal(FileKind.Socket, FileProbe.Link(socket)!.Kind);
        Assert.Equal(FileKind.SymbolicLink, FileProbe.Link(link)!.Kind);
        Assert.Equal(FileKind.Regular, FileProbe.Target(link)!.Kind);
        Assert.Equal(FileKind.CharacterDevice, FileProbe.Target("/dev/null")!.Kind);
        Assert.Null(FileProbe.Link(Path.Combine(_temp.Path, "nothing")));
        Assert.Null(FileProbe.Target(Make("dangling", p => File.CreateSymbolicLink(p, Path.Combine(_temp.Path, "nothing")))));
    }

    [Fact]
    public void GivenAHardLinkAndASymlink_WhenProbed_ThenTheyAreTheSameFileAsTheOriginal_AndAnotherFileIsNot()
    {
        var file = Make("file", p => File.WriteAllText(p, "x"));
        var hard = Make("hard", p => SpecialFiles.HardLink(file, p));
        var soft = Make("soft", p => File.CreateSymbolicLink(p, file));
        var other = Make("other", p => File.WriteAllText(p, "x"));

        Assert.True(FileProbe.Link(hard)!.SameFileAs(FileProbe.Link(file)!));
        Assert.Equal(2, FileProbe.Link(file)!.Links);
        Assert.True(FileProbe.Target(soft)!.SameFileAs(FileProbe.Link(file)!));
        Assert.False(FileProbe.Link(soft)!.SameFileAs(FileProbe.Link(file)!));
        Assert.False(FileProbe.Link(other)!.SameFileAs(FileProbe.Link(file)!));
    }

    [Fact]
    public void GivenAnOpenFile_WhenProbedByHandle_ThenItIsTheFileAtItsPath()
    {
        var file = Make("file", p => File.WriteAllText(p, "x"));
        using var stream = File.OpenRead(file);

        Assert.True(FileProbe.Open(stream.SafeFileHandle)!.SameFileAs(FileProbe.Link(file)!));
    }

    private string Make(string name, Action<string> make)
    {
        var path = Path.Combine(_temp.Path, name);
        make(path);
        return path;
    }

    public void Dispose() => _temp.Dispose();
}
