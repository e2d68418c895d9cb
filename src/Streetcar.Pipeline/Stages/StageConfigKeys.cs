using System.Text.Json.Nodes;
using Streetcar.Core.Cache;
using Streetcar.Core.Config;

namespace Streetcar.Pipeline.Stages;

/// <summary>The config part of a stage key: exactly the keys the stage reads, from the canonical config.</summary>
public static class StageConfigKeys
{
    /// <summary>Stands for the whole canonical config (the stage reads or stores all of it).</summary>
    public const string EveryKey = "*";

    /// <summary>A key builder for <paramref name="stage"/> holding the config keys it reads; the caller adds the inputs.</summary>
    public static CacheKeyBuilder Builder(IStage stage, ExperimentConfig config)
    {
        var builder = CacheKeyBuilder.For(stage.Name, stage.Version);
        if (stage.ConfigKeys.Count == 0)
        {
            return builder;
        }
        var canonical = JsonNode.Parse(ExperimentConfigJson.Canonical(config))!;
        foreach (var key in stage.ConfigKeys)
        {
            builder.Param(key, key == EveryKey ? canonical : Lookup(canonical, key));
        }
        return builder;
    }

    private static JsonNode? Lookup(JsonNode canonical, string path)
    {
        var node = canonical;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var child)
                ? child
                : throw new InvalidOperationException($"stage table: config key '{path}' is not in the canonical config");
        }
        return node?.DeepClone();
    }
}
