using System.Security.Cryptography;
using System.Text;

namespace Streetcar.Core.Hashing;

/// <summary>SHA-256 content hashes as lower-case hex, the one hash used for data pins and cache keys.</summary>
public static class ContentHash
{
    /// <summary>Hash of a file's bytes.</summary>
    public static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Hash of a byte sequence.</summary>
    public static string OfBytes(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Hash of a string's UTF-8 bytes.</summary>
    public static string OfText(string text) => OfBytes(Encoding.UTF8.GetBytes(text));
}
