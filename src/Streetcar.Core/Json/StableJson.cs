using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Streetcar.Core.Json;

/// <summary>
/// The JSON form of every artefact the pipeline writes (summaries, metrics, histories): snake_case names in
/// declaration order, indented, invariant shortest round-trip numbers, LF line endings and a final newline,
/// so that the same data always gives the same bytes.
/// </summary>
public static class StableJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NewLine = "\n",
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options) + "\n";

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"empty JSON for {typeof(T).Name}");

    /// <summary>Writes <paramref name="value"/> to <paramref name="path"/> (UTF-8, no BOM).</summary>
    public static void Write<T>(string path, T value) => File.WriteAllText(path, Serialize(value));

    public static T Read<T>(string path) => Deserialize<T>(File.ReadAllText(path));
}
