using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Streetcar.Core.Config;

/// <summary>JSON forms of a resolved <see cref="ExperimentConfig"/>: snake_case keys, invariant numbers.</summary>
public static class ExperimentConfigJson
{
    /// <summary>Keys that do not change what is trained, so they stay out of cache keys.</summary>
    public static IReadOnlyList<string> NonSemanticKeys { get; } = ["base", "name", "description", "tensorboard"];

    /// <summary>Keys only a <c>model: gradient_boosting</c> experiment reads; not in a network's canonical form.</summary>
    public static IReadOnlyList<string> BoostingOnlyKeys { get; } = ["gradient_boosting", "model"];

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
        // Enums as their ConfigEnum text ("val_loss"), exactly the strings this file held before they were enums.
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    /// <summary>
    /// The canonical form for cache keys: compact JSON, keys sorted ordinally at every level, without
    /// <see cref="NonSemanticKeys"/>. Equal for configs that train the same model.
    /// </summary>
    public static string Canonical(ExperimentConfig config)
    {
        var node = JsonSerializer.SerializeToNode(config, Options)!.AsObject();
        foreach (var key in NonSemanticKeys)
        {
            node.Remove(key);
        }
        if (config.Model == ModelKind.Network)
        {
            // A network ignores the boosting options: leaving them (and the default kind) out keeps every network
            // experiment's hash and keys as they were before model kinds existed.
            foreach (var key in BoostingOnlyKeys)
            {
                node.Remove(key);
            }
        }
        return Sorted(node)!.ToJsonString();
    }

    /// <summary>The whole resolved config (name and description included, no <c>base</c>), indented, sorted.</summary>
    public static string Resolved(ExperimentConfig config)
    {
        var node = JsonSerializer.SerializeToNode(config with { Base = null }, Options)!.AsObject();
        node.Remove("base");
        return Sorted(node)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Reads back a config written by <see cref="Resolved"/>.</summary>
    public static ExperimentConfig Parse(string json) =>
        JsonSerializer.Deserialize<ExperimentConfig>(json, Options)
        ?? throw new JsonException("config JSON is null");

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value?.DeepClone())))),
        JsonArray a => new JsonArray(a.Select(v => Sorted(v?.DeepClone())).ToArray()),
        _ => node?.DeepClone(),
    };
}
