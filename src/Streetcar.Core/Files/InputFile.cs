using System.Text;

namespace Streetcar.Core.Files;

/// <summary>
/// The one way the pipeline reads a file a person can name or replace (configs, the raw-data manifest, a model
/// folder's JSON, a CSV to score): only a regular file is opened, a symbolic link being judged by what it points
/// to, and text is read to a cap counted while reading, not trusted from the size the file reports (a device
/// reports 0 and never ends). Each refusal is the caller's exception, made from a short problem text.
/// </summary>
public static class InputFile
{
    /// <summary>
    /// Throws <paramref name="fail"/>'s exception unless <paramref name="path"/> is, or links to, a regular file.
    /// A missing file is "not found". Checked before any open: opening a FIFO blocks.
    /// </summary>
    public static FileIdentity EnsureRegular(string path, Func<string, Exception> fail)
    {
        FileIdentity? target;
        try
        {
            target = FileProbe.Target(path);
        }
        catch (IOException e)
        {
            throw fail($"cannot be read ({e.Message})");
        }
        if (target is null)
        {
            throw fail(FileProbe.Link(path) is { Kind: FileKind.SymbolicLink } ? "is a symbolic link to nothing" : "not found");
        }
        if (target.Kind != FileKind.Regular)
        {
            var how = FileProbe.Link(path) is { Kind: FileKind.SymbolicLink } ? "is a symbolic link to " : "is ";
            throw fail($"{how}{target.Describe()}, not a regular file");
        }
        return target;
    }

    /// <summary>Opens a regular file for streaming (a CSV to score): regularity checked, no size cap.</summary>
    public static FileStream OpenRegular(string path, Func<string, Exception> fail)
    {
        var expected = EnsureRegular(path, fail);
        var stream = Open(path, fail);
        // The path could have been swapped between the check and the open: judge what was opened.
        if (FileProbe.Open(stream.SafeFileHandle) is { } opened && (!opened.SameFileAs(expected) || opened.Kind != FileKind.Regular))
        {
            stream.Dispose();
            throw fail("changed while being opened; not read");
        }
        return stream;
    }

    /// <summary>The bytes of a regular file of at most <paramref name="maxBytes"/>.</summary>
    public static byte[] ReadBytes(string path, long maxBytes, Func<string, Exception> fail)
    {
        var reported = EnsureRegular(path, fail).Size;
        if (reported > maxBytes)
        {
            throw fail(TooBig(reported.ToString(System.Globalization.CultureInfo.InvariantCulture), maxBytes));
        }
        using var stream = OpenRegular(path, fail);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            for (int read; (read = stream.Read(chunk, 0, chunk.Length)) > 0;)
            {
                if (buffer.Length + read > maxBytes)
                {
                    // It grew past the cap after the size was read: stop, do not trust the size.
                    throw fail(TooBig("more than " + maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), maxBytes));
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw fail($"cannot be read ({e.Message})");
        }
        return buffer.ToArray();
    }

    /// <summary>The UTF-8 text of a regular file of at most <paramref name="maxBytes"/> (a byte-order mark is dropped).</summary>
    public static string ReadText(string path, long maxBytes, Func<string, Exception> fail)
    {
        var bytes = ReadBytes(path, maxBytes, fail);
        var bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        return Encoding.UTF8.GetString(bytes, bom, bytes.Length - bom);
    }

    private static FileStream Open(string path, Func<string, Exception> fail)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        }
        catch (FileNotFoundException)
        {
            throw fail("not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw fail($"cannot be read ({e.Message})");
        }
    }

    private static string TooBig(string size, long maxBytes) =>
        $"is {size} bytes; at most {maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)} bytes are read";
}
