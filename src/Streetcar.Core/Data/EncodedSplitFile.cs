using System.Runtime.InteropServices;
using System.Text;
using Streetcar.Core.Errors;

namespace Streetcar.Core.Data;

/// <summary>
/// Compact binary form of an <see cref="EncodedSplit"/>: magic "SCES", format version, row and column counts,
/// the split and column names, then each column's codes as little-endian int32 and the labels as bytes.
/// </summary>
public static class EncodedSplitFile
{
    private const string Magic = "SCES";
    private const int FormatVersion = 1;

    public static void Write(string path, EncodedSplit split)
    {
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(Encoding.ASCII.GetBytes(Magic));
        writer.Write(FormatVersion);
        writer.Write(split.Rows);
        writer.Write(split.Columns.Count);
        writer.Write(split.Name);
        foreach (var column in split.Columns)
        {
            writer.Write(column);
        }
        foreach (var codes in split.Codes)
        {
            if (codes.Length != split.Rows)
            {
                throw new ArgumentException($"column has {codes.Length} rows, labels have {split.Rows}");
            }
            writer.Write(MemoryMarshal.AsBytes(codes.AsSpan()));
        }
        writer.Write(split.Labels);
    }

    public static EncodedSplit Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        var magic = Encoding.ASCII.GetString(reader.ReadBytes(4));
        var version = magic == Magic ? reader.ReadInt32() : -1;
        if (version != FormatVersion)
        {
            throw new DataException($"{path}: not an encoded split file (format {Magic} v{FormatVersion})");
        }
        var rows = reader.ReadInt32();
        var columnCount = reader.ReadInt32();
        var name = reader.ReadString();
        var columns = Enumerable.Range(0, columnCount).Select(_ => reader.ReadString()).ToArray();
        var codes = new int[columnCount][];
        for (var c = 0; c < columnCount; c++)
        {
            codes[c] = new int[rows];
            stream.ReadExactly(MemoryMarshal.AsBytes(codes[c].AsSpan()));
        }
        var labels = new byte[rows];
        stream.ReadExactly(labels);
        return new EncodedSplit(name, columns, codes, labels);
    }
}
