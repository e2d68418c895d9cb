using Streetcar.Core.Files;
using Streetcar.Core.Tests.Cache;

namespace Streetcar.Core.Tests.Files;

/// <summary>
/// The bounded reader: only regular files (a symbolic link judged by its target), never opened when they are
/// not (a FIFO would block the test for ever), and a cap counted while reading.
/// </summary>
public sealed class InputFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void GivenARegularFileAndASymlinkToIt_WhenRead_ThenTheirTextWithoutTheByteOrderMark()
    {
        var file = PathOf("a.yml");
        File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. "epochs: 2\n"u8.ToArray()]);
        File.CreateSymbolicLink(PathOf("link.yml"), file);

        Assert.Equal("epochs: 2\n", InputFile.ReadText(file, 100, Fail));
        Assert.Equal("epochs: 2\n", InputFile.ReadText(PathOf("link.yml"), 100, Fail));
    }

    public static TheoryData<string, string> NotRegular() => new()
    {
        { "fifo", "is a FIFO (named pipe), not a regular file" },
        { "link to /dev/zero", "is a symbolic link to a character device, not a regular file" },
        { "link to a fifo", "is a symbolic link to a FIFO (named pipe), not a regular file" },
        { "/dev/zero", "is a character device, not a regular file" },
        { "socket", "is a socket, not a regular file" },
        { "folder", "is a folder, not a regular file" },
        { "dangling link", "is a symbolic link to nothing" },
        { "missing", "not found" },
    };

    [Theory]
    [MemberData(nameof(NotRegular))]
    public async Task GivenSomethingThatIsNotARegularFile_WhenRead_ThenRefusedWithoutBlocking(string what, string problem)
    {
        var path = what switch
        {
            "/dev/zero" => "/dev/zero",
            "fifo" => Made(p => SpecialFiles.Fifo(p)),
            "link to /dev/zero" => Made(p => File.CreateSymbolicLink(p, "/dev/zero")),
            "link to a fifo" => Made(p => { SpecialFiles.Fifo(p + ".fifo"); File.CreateSymbolicLink(p, p + ".fifo"); }),
            "socket" => Made(SpecialFiles.Socket),
            "folder" => Made(p => Directory.CreateDirectory(p)),
            "dangling link" => Made(p => File.CreateSymbolicLink(p, PathOf("nothing"))),
            _ => PathOf("missing"),
        };

        var read = Task.Run(() => Assert.Throws<IOException>(() => InputFile.ReadText(path, 100, Fail)));

        Assert.True(await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(20))) == read, $"reading {what} blocked");
        Assert.Equal(problem, (await read).Message);
        Assert.Equal(problem, Assert.Throws<IOException>(() => InputFile.OpenRegular(path, Fail)).Message);
    }

    [Fact]
    public void GivenAFileAboveTheCap_WhenRead_ThenRefused_AndAtTheCapRead()
    {
        File.WriteAllText(PathOf("big"), new string('x', 101));
        File.WriteAllText(PathOf("fits"), new string('x', 100));

        Assert.Equal("is 101 bytes; at most 100 bytes are read", Assert.Throws<IOException>(() => InputFile.ReadBytes(PathOf("big"), 100, Fail)).Message);
        Assert.Equal(100, InputFile.ReadBytes(PathOf("fits"), 100, Fail).Length);
    }

    private static IOException Fail(string problem) => new(problem);

    private string PathOf(string name) => Path.Combine(_temp.Path, name);

    private string Made(Action<string> make)
    {
        var path = PathOf("thing");
        make(path);
        return path;
    }

    public void Dispose() => _temp.Dispose();
}
