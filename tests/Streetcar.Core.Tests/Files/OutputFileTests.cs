using Streetcar.Core.Errors;
using Streetcar.Core.Files;
using Streetcar.Core.Tests.Cache;

namespace Streetcar.Core.Tests.Files;

/// <summary>
/// The one writer of user-named outputs: what it refuses (and leaves untouched), its private temporary file, the
/// rename only on commit, and its clean-up on a failure, a full disk included.
/// </summary>
public sealed class OutputFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void GivenANewTarget_WhenWrittenAndCommitted_ThenItHoldsTheContentAndNoTemporaryFileIsLeft()
    {
        OutputFile.Write(PathOf("out.csv"), "--output", [], s => s.Write("a,b\n"u8));

        Assert.Equal("a,b\n", File.ReadAllText(PathOf("out.csv")));
        Assert.Equal(["out.csv"], Entries());
    }

    [Fact]
    public void GivenAnExistingRegularTarget_WhenNotCommitted_ThenItIsUntouched_AndWhenCommittedReplaced()
    {
        File.WriteAllText(PathOf("out.csv"), "old\n");
        using (var output = OutputFile.Create(PathOf("out.csv"), "--output", []))
        {
            output.Stream.Write("new\n"u8);
            Assert.StartsWith(".out.csv.", Path.GetFileName(output.TempPath), StringComparison.Ordinal);
            Assert.EndsWith(".partial", output.TempPath, StringComparison.Ordinal);
            Assert.Equal("old\n", File.ReadAllText(PathOf("out.csv")));
        }
        Assert.Equal("old\n", File.ReadAllText(PathOf("out.csv")));
        Assert.Equal(["out.csv"], Entries());

        OutputFile.Write(PathOf("out.csv"), "--output", [], s => s.Write("new\n"u8));
        Assert.Equal("new\n", File.ReadAllText(PathOf("out.csv")));
    }

    [Fact]
    public void GivenTwoWritersOfOneTarget_WhenBothOpen_ThenEachHasItsOwnTemporaryFile()
    {
        using var first = OutputFile.Create(PathOf("out.csv"), "--output", []);
        using var second = OutputFile.Create(PathOf("out.csv"), "--output", []);
        first.Stream.Write("first\n"u8);
        second.Stream.Write("second\n"u8);

        Assert.NotEqual(first.TempPath, second.TempPath);
        first.Commit();
        Assert.Equal("first\n", File.ReadAllText(PathOf("out.csv")));
        second.Commit();
        Assert.Equal("second\n", File.ReadAllText(PathOf("out.csv")));
    }

    [Fact]
    public void GivenALeftoverTemporaryFileOfTheSameName_WhenCreating_ThenItIsNeitherReusedNorOverwritten()
    {
        string leftover;
        using (var probe = OutputFile.Create(PathOf("out.csv"), "--output", []))
        {
            // ".out.csv.PID-N.partial": the next writer of this process takes N + 1; plant a leftover there.
            var n = probe.TempPath[(probe.TempPath.LastIndexOf('-') + 1)..^".partial".Length];
            leftover = probe.TempPath[..(probe.TempPath.LastIndexOf('-') + 1)] + (int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) + 1) + ".partial";
            File.WriteAllText(leftover, "someone else's\n");
        }

        using (var output = OutputFile.Create(PathOf("out.csv"), "--output", []))
        {
            Assert.NotEqual(leftover, output.TempPath);
            output.Stream.Write("mine\n"u8);
            output.Commit();
        }

        Assert.Equal("someone else's\n", File.ReadAllText(leftover));
        Assert.Equal("mine\n", File.ReadAllText(PathOf("out.csv")));
    }

    public static TheoryData<string, string> Refused() => new()
    {
        { "the input", "is the same file as the input" },
        { "a hard link to the input", "is the same file as the input" },
        { "a symlink to the input", "is a symbolic link; it is neither followed nor replaced" },
        { "a dangling symlink", "is a symbolic link" },
        { "a FIFO", "is a FIFO (named pipe), not a regular file; it is not replaced" },
        { "a socket", "is a socket, not a regular file" },
        { "a folder", "is a folder; give a file path" },
        { "a file with two links", "has 2 hard links" },
        { "a file in a missing folder", "does not exist" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void GivenATargetThatMustNotBeReplaced_WhenChecked_ThenRefusedNamingIt_AndLeftAsItWas(string what, string problem)
    {
        var input = PathOf("input.csv");
        File.WriteAllText(input, "the input\n");
        var target = PathOf("target");
        switch (what)
        {
            case "the input": target = input; break;
            case "a hard link to the input": SpecialFiles.HardLink(input, target); break;
            case "a symlink to the input": File.CreateSymbolicLink(target, input); break;
            case "a dangling symlink": File.CreateSymbolicLink(target, PathOf("nothing")); break;
            case "a FIFO": SpecialFiles.Fifo(target); break;
            case "a socket": SpecialFiles.Socket(target); break;
            case "a folder": Directory.CreateDirectory(target); break;
            case "a file with two links": File.WriteAllText(target, "x"); SpecialFiles.HardLink(target, PathOf("other")); break;
            case "a file in a missing folder": target = PathOf("missing/out.csv"); break;
        }
        var before = FileProbe.Link(target);

        var error = Assert.Throws<PipelineException>(() => OutputFile.Write(target, "--output", [input], s => s.Write("new\n"u8)));

        Assert.Equal(ExitCodes.Pipeline, error.ExitCode);
        Assert.StartsWith($"--output {target}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal("the input\n", File.ReadAllText(input));
        Assert.Equal(before?.Kind, FileProbe.Link(target)?.Kind);
        Assert.DoesNotContain(Entries(), e => e.EndsWith(".partial", StringComparison.Ordinal));
    }

    [Fact]
    public void GivenAFullDisk_WhenWriting_ThenAPipelineErrorNamingTheOutput_AndNoTemporaryFileLeft()
    {
        var disk = PathOf("disk");
        SpecialFiles.SmallDisk(disk, kilobytes: 16);
        try
        {
            var target = Path.Combine(disk, "out.csv");
            var error = Assert.Throws<PipelineException>(() => OutputFile.Write(target, "--export-csv", [], s =>
            {
                for (var i = 0; i < 100; i++)
                {
                    s.Write(new byte[4096]);
                }
            }));

            Assert.StartsWith($"--export-csv {target}: cannot be written (No space left on device", error.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(disk));
        }
        finally
        {
            SpecialFiles.Unmount(disk);
        }
    }

    [Fact]
    public void GivenAWriterThatFails_WhenDisposed_ThenTheTargetIsUntouchedAndTheTemporaryFileGone()
    {
        File.WriteAllText(PathOf("out.csv"), "old\n");

        Assert.Throws<InvalidOperationException>(() => OutputFile.Write(PathOf("out.csv"), "--output", [], s =>
        {
            s.Write("half"u8);
            throw new InvalidOperationException("the writer failed");
        }));

        Assert.Equal("old\n", File.ReadAllText(PathOf("out.csv")));
        Assert.Equal(["out.csv"], Entries());
    }

    private string PathOf(string name) => Path.Combine(_temp.Path, name);

    private string[] Entries() => Directory.EnumerateFileSystemEntries(_temp.Path).Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal).ToArray();

    public void Dispose() => _temp.Dispose();
}
