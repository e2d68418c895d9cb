using System.Text;
using Microsoft.Win32.SafeHandles;
using Streetcar.Core.Errors;
using Streetcar.Core.Files;

namespace Streetcar.Cli.Output;

/// <summary>
/// The process's standard output, so that losing it is an error line and exit 2 rather than a crash or silence.
/// .NET's console stream drops writes to a pipe whose reader has gone (EPIPE) without a word, so when stdout is
/// a pipe or a socket it is written through a plain stream on descriptor 1, which reports them. A file or a
/// terminal keeps the console writer (a stream of our own would keep its own offset in a file that stderr
/// shares, <c>&gt; log 2&gt;&amp;1</c>); what it reports (a closed descriptor, a full disk) is turned into the error too.
/// </summary>
public sealed class StandardOutput : TextWriter
{
    private readonly TextWriter _inner;

    private StandardOutput(TextWriter inner) => _inner = inner;

    public override Encoding Encoding => _inner.Encoding;

    public static TextWriter Open()
    {
        if (OperatingSystem.IsLinux() && IsPipe())
        {
            var stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, 1);
            return new StandardOutput(new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" });
        }
        return new StandardOutput(System.Console.Out);
    }

    public override void Write(char value) => Guard(() => _inner.Write(value));

    public override void Write(string? value) => Guard(() => _inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => _inner.Write(buffer, index, count));

    public override void WriteLine(string? value) => Guard(() => _inner.WriteLine(value));

    public override void Flush() => Guard(_inner.Flush);

    private static bool IsPipe()
    {
        try
        {
            return FileProbe.Open(new SafeFileHandle(1, ownsHandle: false)) is { Kind: FileKind.Fifo or FileKind.Socket };
        }
        catch (IOException)
        {
            return false; // closed: the console writer reports it on the first write
        }
    }

    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = (e.InnerException ?? e).Message;
            throw new PipelineException($"standard output cannot be written ({reason}); output lost", ExitCodes.Pipeline);
        }
    }
}
