using System.Text.Json;
using Streetcar.Core.Json;

namespace Streetcar.Prepare.Output;

/// <summary>
/// Deterministic JSON for <see cref="DataSummary"/>: System.Text.Json, snake_case, declaration order, indented,
/// LF line ends, invariant number formatting, final newline.
/// </summary>
public static class SummaryJson
{
    /// <summary>The serializer options of every Prepare JSON file: the project-wide <see cref="StableJson"/> style.</summary>
    public static JsonSerializerOptions Options => StableJson.Options;

    /// <summary>The JSON text of <paramref name="summary"/>.</summary>
    public static string ToJson(DataSummary summary) => JsonSerializer.Serialize(summary, Options) + "\n";

    /// <summary>Parses a summary written by <see cref="ToJson"/>.</summary>
    public static DataSummary FromJson(string json) =>
        JsonSerializer.Deserialize<DataSummary>(json, Options)
        ?? throw new Streetcar.Core.Errors.DataException("empty data summary");
}
