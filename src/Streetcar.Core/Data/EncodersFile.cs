using System.Text.Json;
using Streetcar.Core.Errors;
using Streetcar.Core.Json;

namespace Streetcar.Core.Data;

/// <summary>
/// The <see cref="PreparedLayout.Encoders"/> file: a JSON array of <see cref="ColumnEncoder"/>
/// (<c>{"column": ..., "values": [...]}</c>), in <see cref="FeatureColumns.All"/> order, indented, LF line ends.
/// </summary>
public static class EncodersFile
{
    private static JsonSerializerOptions Options => StableJson.Options;

    private sealed record Entry(string Column, IReadOnlyList<string> Values);

    /// <summary>Writes <paramref name="encoders"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, IReadOnlyList<ColumnEncoder> encoders) =>
        File.WriteAllText(path, ToJson(encoders));

    /// <summary>The JSON text of <paramref name="encoders"/> (with a final newline).</summary>
    public static string ToJson(IReadOnlyList<ColumnEncoder> encoders) =>
        JsonSerializer.Serialize(encoders.Select(e => new Entry(e.Column, e.Values)).ToArray(), Options) + "\n";

    /// <summary>Reads the encoders at <paramref name="path"/>.</summary>
    public static IReadOnlyList<ColumnEncoder> Read(string path)
    {
        try
        {
            var entries = JsonSerializer.Deserialize<Entry[]>(File.ReadAllText(path), Options)
                ?? throw new DataException($"{path}: empty encoders file");
            return entries.Select(e => new ColumnEncoder(e.Column, e.Values.ToArray())).ToArray();
        }
        catch (JsonException e)
        {
            throw new DataException($"{path}: not an encoders file ({e.Message})");
        }
    }
}
