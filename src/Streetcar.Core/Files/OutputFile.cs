using System.Globalization;
using Streetcar.Core.Errors;

namespace Streetcar.Core.Files;

/// <summary>
/// The one place that opens a file a person names as an output (<c>score --output</c>, <c>prepare --export-csv</c>).
/// The target must be a new name or an existing regular file with one link that is none of the run's inputs;
/// anything else (a folder, a FIFO, a device, a socket, a symbolic link, a hard-linked file, an input under
/// another name) is refused, never followed or replaced. The content goes to a temporary file of this writer
/// alone beside the target, is flushed to disk, and is renamed over the target only by <see cref="Commit"/>: the
/// target is either untouched or whole. Every failure is a <see cref="PipelineException"/> naming the option and
/// the path, and removes the temporary file.
/// </summary>
public sealed class OutputFile : IDisposable
{
    private static int _counter;

    private readonly string _label;
    private readonly IReadOnlyCollection<string> _inputs;
    private readonly FileStream _file;
    private bool _committed;

    private OutputFile(string target, string label, IReadOnlyCollection<string> inputs, string temp, FileStream file)
    {
        Target = target;
        _label = label;
        _inputs = inputs;
        TempPath = temp;
        _file = file;
        Stream = new OutputStream(file, Fail);
    }

    /// <summary>The path the content is renamed to.</summary>
    public string Target { get; }

    /// <summary>This writer's temporary file beside the target (<c>.NAME.PID-N.partial</c>).</summary>
    public string TempPath { get; }

    /// <summary>Where to write; a write or flush that fails (a full disk) throws the <see cref="PipelineException"/>.</summary>
    public Stream Stream { get; }

    /// <summary>
    /// Refuses <paramref name="target"/> now, before any work, if it could not be written safely (see the class) or
    /// at all (its folder read-only, not ours): <paramref name="label"/> names it in the message (e.g.
    /// <c>--output</c>), <paramref name="inputs"/> are the files it must not be. The probe is a temporary file,
    /// created and removed; the target is not touched.
    /// </summary>
    public static void Check(string target, string label, IReadOnlyCollection<string> inputs)
    {
        using var probe = Create(target, label, inputs);
    }

    /// <summary>Checks the target (<see cref="Check"/>) and creates this writer's temporary file beside it.</summary>
    public static OutputFile Create(string target, string label, IReadOnlyCollection<string> inputs)
    {
        CheckTarget(target, label, inputs);
        var folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
        var name = Path.GetFileName(target);
        while (true)
        {
            // pid + a counter: concurrent writers (processes or threads) never share a temporary file, and
            // CreateNew (O_EXCL) refuses a name already there instead of writing into it.
            var temp = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture,
                $".{name}.{Environment.ProcessId}-{Interlocked.Increment(ref _counter)}.partial"));
            try
            {
                var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                return new OutputFile(target, label, inputs, temp, file);
            }
            catch (IOException) when (File.Exists(temp) || Directory.Exists(temp))
            {
                // A leftover of an earlier process with this pid: take the next number.
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Problem(label, target, $"cannot be written ({e.Message})");
            }
        }
    }

    /// <summary>Writes the whole output with <paramref name="write"/> and commits it.</summary>
    public static void Write(string target, string label, IReadOnlyCollection<string> inputs, Action<Stream> write)
    {
        using var output = Create(target, label, inputs);
        write(output.Stream);
        output.Commit();
    }

    /// <summary>
    /// Flushes the content to disk and renames it over the target, checked again first (it may have become a link
    /// or a FIFO meanwhile). After this the target is the new content, whole.
    /// </summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        try
        {
            Stream.Flush();
            _file.Flush(flushToDisk: true);
            _file.Dispose();
            CheckTarget(Target, _label, _inputs);
            File.Move(TempPath, Target, overwrite: true);
            _committed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Fail(e);
        }
        finally
        {
            if (!_committed)
            {
                Discard();
            }
        }
    }

    /// <summary>Removes the temporary file unless committed.</summary>
    public void Dispose()
    {
        if (!_committed)
        {
            Discard();
        }
    }

    private void Discard()
    {
        try
        {
            _file.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Disposing flushes what is buffered: on a full disk that fails again. The file is removed below.
        }
        try
        {
            File.Delete(TempPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // It cannot be removed either: the error that stopped the write says why.
        }
    }

    private PipelineException Fail(Exception e) =>
        e as PipelineException ?? Problem(_label, Target, $"cannot be written ({e.Message})");

    private static PipelineException Problem(string label, string target, string problem) =>
        new($"{label} {target}: {problem}", ExitCodes.Pipeline);

    private static void CheckTarget(string target, string label, IReadOnlyCollection<string> inputs)
    {
        var full = Path.GetFullPath(target);
        var folder = Path.GetDirectoryName(full);
        if (folder is null || Path.GetFileName(full).Length == 0)
        {
            throw Problem(label, target, "is a folder; give a file path");
        }
        FileIdentity? existing;
        try
        {
            if (FileProbe.Target(folder) is not { Kind: FileKind.Directory })
            {
                throw Problem(label, target, $"folder {folder} does not exist");
            }
            existing = FileProbe.Link(full);
        }
        catch (IOException e)
        {
            throw Problem(label, target, $"cannot be written ({e.Message})");
        }
        switch (existing)
        {
            case null:
                return;
            case { Kind: FileKind.Directory }:
                throw Problem(label, target, "is a folder; give a file path");
            case { Kind: FileKind.SymbolicLink }:
                throw Problem(label, target, "is a symbolic link; it is neither followed nor replaced (remove it or name another file)");
            case { Kind: not FileKind.Regular }:
                throw Problem(label, target, $"is {existing.Describe()}, not a regular file; it is not replaced");
        }
        foreach (var input in inputs)
        {
            if (FileProbe.Target(input) is { } read && read.SameFileAs(existing))
            {
                throw Problem(label, target, $"is the same file as the input {input}; it would be replaced while read (name another file)");
            }
        }
        if (existing.Links > 1)
        {
            throw Problem(label, target, $"has {existing.Links} hard links; replacing it would part it from them (remove it or name another file)");
        }
    }
}
