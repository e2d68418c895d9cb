using System.Text.Json;
using System.Text.Json.Serialization;

namespace Streetcar.Prepare.Output;

/// <summary>
/// Deterministic JSON for <see cref="DataSummary"/>: System.Text.Json, snake_case, declaration order, indented,
/// LF line ends, invariant number formatting, final newline.
/// </summary>
public static class SummaryJson
{
    /// <summary>The serializer options used for every Prepare JSON file except encoders.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>The JSON text of <paramref name="summary"/>.</summary>
    public static string ToJson(DataSummary summary) => JsonSerializer.Serialize(summary, Options) + "\n";

    /// <summary>Parses a summary written by <see cref="ToJson"/>.</summary>
    public static DataSummary FromJson(string json) =>
        JsonSerializer.Deserialize<DataSummary>(json, Options)
        ?? throw new Streetcar.Core.Errors.DataException("empty data summary");
}
