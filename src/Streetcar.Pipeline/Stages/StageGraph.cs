using Streetcar.Core.Cache;
using Streetcar.Core.Config;

namespace Streetcar.Pipeline.Stages;

/// <summary>
/// The stages one run goes through, in flow order, wired only by their declared inputs: an input names an earlier
/// stage of the graph, or a root (an entry built before planning, such as the grid) whose key the caller gives.
/// Every cache key is computed by walking it, so no key is built by hand anywhere.
/// </summary>
public sealed class StageGraph
{
    private readonly Dictionary<string, IStage> _byName = new(StringComparer.Ordinal);

    /// <param name="stages">The stages in flow order: each one's inputs are earlier stages or roots.</param>
    /// <param name="roots">Names of the inputs built outside the graph.</param>
    public StageGraph(IReadOnlyList<IStage> stages, IReadOnlyCollection<string> roots)
    {
        Stages = stages;
        Roots = roots;
        foreach (var stage in stages)
        {
            foreach (var input in stage.Inputs)
            {
                if (!_byName.ContainsKey(input.Stage) && !roots.Contains(input.Stage))
                {
                    throw new InvalidOperationException($"stage {stage.Id}: input '{input.Name}' reads '{input.Stage}', which is neither an earlier stage nor a root");
                }
            }
            if (!_byName.TryAdd(stage.Name, stage))
            {
                throw new InvalidOperationException($"stage {stage.Id}: a graph holds one stage named '{stage.Name}'");
            }
        }
    }

    /// <summary>The stages in flow order (dependencies first).</summary>
    public IReadOnlyList<IStage> Stages { get; }

    public IReadOnlyCollection<string> Roots { get; }

    /// <summary>The stage named <paramref name="name"/>.</summary>
    public IStage this[string name] => _byName.TryGetValue(name, out var stage) ? stage : throw new KeyNotFoundException($"no stage '{name}' in the graph");

    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>
    /// The key of every stage for <paramref name="config"/>, by stage name: its config keys plus its inputs' keys,
    /// each input's key computed first (<paramref name="roots"/> gives the roots').
    /// </summary>
    public IReadOnlyDictionary<string, CacheKey> Keys(ExperimentConfig config, IReadOnlyDictionary<string, CacheKey> roots)
    {
        var keys = new Dictionary<string, CacheKey>(roots, StringComparer.Ordinal);
        foreach (var stage in Stages)
        {
            var builder = StageConfigKeys.Builder(stage, config);
            foreach (var input in stage.Inputs)
            {
                builder.Input(input.Name, keys.TryGetValue(input.Stage, out var key) ? key : throw new ArgumentException($"no key for the root '{input.Stage}'", nameof(roots)));
            }
            keys[stage.Name] = builder.Build();
        }
        foreach (var root in roots.Keys)
        {
            keys.Remove(root);
        }
        return keys;
    }

    /// <summary>The stages <paramref name="name"/> reads, directly or not, and itself, in flow order.</summary>
    public IReadOnlyList<IStage> Upto(string name)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal) { name };
        foreach (var stage in Stages.Reverse())
        {
            if (wanted.Contains(stage.Name))
            {
                wanted.UnionWith(stage.Inputs.Select(i => i.Stage));
            }
        }
        return Stages.Where(s => wanted.Contains(s.Name)).ToArray();
    }
}
