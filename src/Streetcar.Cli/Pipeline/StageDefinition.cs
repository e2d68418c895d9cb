using System.Text.Json.Nodes;
using Streetcar.Core.Cache;
using Streetcar.Core.Config;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// One stage of the pipeline as the engine sees it: its name (the cache folder), the version its code bumps when
/// it changes what it writes, the stages it reads from, and the experiment config keys it reads. Its cache key
/// hashes exactly those keys plus its inputs' keys, so changing a key re-runs only the stages that read it.
/// </summary>
/// <param name="Name">Stage name, also the cache folder.</param>
/// <param name="Version">Code version; part of every key of the stage.</param>
/// <param name="Upstream">Stages whose outputs it reads.</param>
/// <param name="ConfigKeys">
/// Experiment config keys it reads, as dotted paths into the canonical config (<c>seeds.split</c>), or
/// <see cref="EveryKey"/>.
/// </param>
/// <param name="Summary">What it produces, for --help and the docs.</param>
public sealed record StageDefinition(string Name, int Version, IReadOnlyList<string> Upstream, IReadOnlyList<string> ConfigKeys, string Summary)
{
    /// <summary>Stands for the whole canonical config (the stage reads or stores all of it).</summary>
    public const string EveryKey = "*";

    /// <summary>A key builder for this stage holding the config keys it reads; the caller adds the inputs.</summary>
    public CacheKeyBuilder Key(ExperimentConfig config)
    {
        var builder = CacheKeyBuilder.For(Name, Version);
        if (ConfigKeys.Count == 0)
        {
            return builder;
        }
        var canonical = JsonNode.Parse(ExperimentConfigJson.Canonical(config))!;
        foreach (var key in ConfigKeys)
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
