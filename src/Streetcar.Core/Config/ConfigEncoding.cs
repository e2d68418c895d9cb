using System.Buffers;
using System.Text.Unicode;
using Streetcar.Core.Errors;

namespace Streetcar.Core.Config;

/// <summary>
/// Config files are UTF-8, strictly: a byte sequence that is not UTF-8 is an error naming the file, the byte offset
/// and the line, instead of a U+FFFD that would silently become part of a name or a description (and of a cache key).
/// </summary>
public static class ConfigEncoding
{
    /// <summary>
    /// Checks the bytes of <paramref name="path"/> when its decoded <paramref name="text"/> holds a U+FFFD (the mark a
    /// lenient decoder leaves for invalid bytes; a file may also hold the character itself, validly encoded, which passes).
    /// </summary>
    public static void EnsureUtf8(string text, string path)
    {
        if (!text.Contains('\uFFFD', StringComparison.Ordinal) || !File.Exists(path))
        {
            return;
        }
        byte[] bytes;
        using (var stream = File.OpenRead(path))
        {
            // The readers refuse files beyond this size before decoding; read no more than they would.
            bytes = new byte[Math.Min(stream.Length, ExperimentConfigLoader.MaxFileBytes)];
            stream.ReadExactly(bytes);
        }
        if (FirstInvalid(bytes) is { } offset)
        {
            var line = bytes.AsSpan(0, offset).Count((byte)'\n') + 1;
            throw new ConfigException($"{path}:{line}", "(file)",
                $"is not valid UTF-8: byte 0x{bytes[offset]:X2} at byte offset {offset} (line {line}); save the file as UTF-8");
        }
    }

    /// <summary>The offset of the first byte that does not start a valid UTF-8 sequence, or null when all are valid.</summary>
    public static int? FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false);
            return status == OperationStatus.Done ? null : read;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
