using System.Text.Json;
using System.Text.Json.Serialization;

namespace Streetcar.Train.Saving;

/// <summary>
/// The one JSON style of the model folder: snake_case, indented with LF, enums as snake_case strings,
/// invariant numbers, final newline. No timestamps, paths or host names ever go in.
/// </summary>
public static class TrainJson
{
    /// <summary>Serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NewLine = "\n",
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Writes <paramref name="value"/> to <paramref name="path"/>.</summary>
    public static void Write<T>(string path, T value) =>
        File.WriteAllText(path, JsonSerializer.Serialize(value, Options) + "\n");

    /// <summary>Reads a <typeparamref name="T"/> from <paramref name="path"/>.</summary>
    public static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
        ?? throw new JsonException($"{path}: null");
}
