using Streetcar.Core.Config;
using Streetcar.Core.Errors;
using Streetcar.Core.Randomness;
using YamlDotNet.RepresentationModel;

namespace Streetcar.Sweep;

/// <summary>The points of a sweep: drawn from its space, then each resolved into an experiment and validated.</summary>
public static class SweepPoints
{
    /// <summary>Most points a sweep may have unless the command line raises it (--max-points): a typo in a range should not queue days of work.</summary>
    public const int DefaultMaxPoints = 1000;

    /// <summary>
    /// The points of <paramref name="sweep"/>: every combination for a grid (the last key varying fastest), or
    /// <c>samples</c> distinct combinations for a random sweep, drawn with its seed (<see cref="SplitMix64"/>: the same
    /// draw on every machine) and listed in grid order. More than <paramref name="maxPoints"/> is a config error.
    /// </summary>
    public static IReadOnlyList<SweepPoint> Expand(SweepDefinition sweep, int maxPoints = DefaultMaxPoints)
    {
        var total = sweep.Combinations;
        if (sweep.Method == SweepMethod.Random && sweep.Samples > total)
        {
            throw new ConfigException(sweep.File, "samples", $"asks for {sweep.Samples} points but the space holds {total} combinations");
        }
        var count = sweep.Method == SweepMethod.Grid ? total : sweep.Samples!.Value;
        if (count > maxPoints)
        {
            throw new ConfigException(sweep.File, "space", $"gives {count} points, more than {maxPoints}; narrow the space, or raise the limit with --max-points");
        }
        IEnumerable<long> indices = sweep.Method == SweepMethod.Grid ? LongRange(total) : Draw(total, (int)count, sweep.Seed);
        return indices.Select(i => Point(sweep, i)).ToArray();
    }

    /// <summary>
    /// Each point as an experiment: the base experiment's file with the point's values merged over it, validated as
    /// any experiment. A value out of its key's bounds is an error naming the point and the bound; a point named as
    /// an existing experiment file is refused.
    /// </summary>
    public static IReadOnlyList<ResolvedPoint> Resolve(SweepDefinition sweep, IReadOnlyList<SweepPoint> points, string experimentsFolder)
    {
        var basePath = Path.Combine(experimentsFolder, sweep.Base + ".yml");
        if (sweep.Base.StartsWith('_') || sweep.Base.Contains('/') || !File.Exists(basePath))
        {
            throw new ConfigException(sweep.File, "base", $"'{sweep.Base}' is not an experiment in {Path.GetFileName(experimentsFolder)}/ (write its name, e.g. exp7)");
        }
        var experiments = ExperimentConfigLoader.ExperimentFiles(experimentsFolder).Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        if (experiments.Contains(sweep.Name))
        {
            throw new ConfigException(sweep.File, "(file)", $"the sweep's name '{sweep.Name}' is also an experiment ({sweep.Name}.yml): rename one");
        }
        var resolved = new List<ResolvedPoint>();
        foreach (var point in points)
        {
            var overlay = new YamlMappingNode();
            foreach (var (key, value) in point.Values)
            {
                Set(overlay, key.Split('.'), value.Node);
            }
            if (sweep.Repeats is { } repeats)
            {
                overlay.Add("repeats", repeats.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            var config = Load(basePath, overlay, point.Name, sweep.File);
            if (sweep.Halving is { } halving && halving.MinEpochs > config.Epochs)
            {
                throw new ConfigException(sweep.File, "halving.min_epochs", $"{halving.MinEpochs} is above point '{point.Name}''s epoch budget ({config.Epochs})");
            }
            if (sweep.Selection.By == SelectionStatistic.LowerBound && config.Repeats < 2)
            {
                throw new ConfigException(sweep.File, "select.by", $"lower_bound needs at least 2 repeats per point; point '{point.Name}' has {config.Repeats} (set repeats)");
            }
            if (sweep.Halving is not null && config.Model != ModelKind.Network)
            {
                throw new ConfigException(sweep.File, "halving", $"needs epochs to halve over; {sweep.Base} is a {ConfigEnum.Name(config.Model)} experiment");
            }
            resolved.Add(new ResolvedPoint(point, config));
        }
        return resolved;
    }

    /// <summary>
    /// The point's experiment; an error in one of the point's own values (unknown key, wrong type, out of range) names
    /// the sweep file and the point rather than the text merged in memory, whose line numbers mean nothing to a reader.
    /// </summary>
    private static ExperimentConfig Load(string basePath, YamlMappingNode overlay, string name, string sweepFile)
    {
        const string origin = "(point)";
        try
        {
            return ExperimentConfigLoader.LoadWithOverlay(basePath, overlay, name, origin);
        }
        catch (ConfigException e) when (e.File.StartsWith(origin, StringComparison.Ordinal))
        {
            throw new ConfigException($"{sweepFile}: point '{name}'", e.Key, e.Problem);
        }
    }

    private static SweepPoint Point(SweepDefinition sweep, long index)
    {
        var values = new (string, SweepValue)[sweep.Space.Count];
        for (var d = sweep.Space.Count - 1; d >= 0; d--)
        {
            var dimension = sweep.Space[d];
            values[d] = (dimension.Key, dimension.Values[(int)(index % dimension.Values.Count)]);
            index /= dimension.Values.Count;
        }
        var name = $"{sweep.Name}/{string.Join(",", values.Select(v => $"{v.Item1}={v.Item2.Text}"))}";
        return new SweepPoint(name, values);
    }

    /// <summary><paramref name="count"/> distinct indices below <paramref name="total"/>, sorted (Floyd's algorithm: no list of all combinations).</summary>
    private static IEnumerable<long> Draw(long total, int count, int seed)
    {
        var random = new SplitMix64((ulong)seed);
        var chosen = new SortedSet<long>();
        for (var j = total - count; j < total; j++)
        {
            var t = Below(random, (ulong)(j + 1));
            chosen.Add(chosen.Contains(t) ? j : t);
        }
        return chosen;
    }

    /// <summary>A uniform integer in [0, bound) without modulo bias (rejection, as <see cref="SplitMix64.NextBelow"/> for ints).</summary>
    private static long Below(SplitMix64 random, ulong bound)
    {
        var limit = ulong.MaxValue - (ulong.MaxValue % bound);
        ulong r;
        do
        {
            r = random.NextUInt64();
        }
        while (r >= limit);
        return (long)(r % bound);
    }

    private static IEnumerable<long> LongRange(long count)
    {
        for (long i = 0; i < count; i++)
        {
            yield return i;
        }
    }

    private static void Set(YamlMappingNode node, string[] path, YamlNode value)
    {
        for (var i = 0; i < path.Length - 1; i++)
        {
            var key = new YamlScalarNode(path[i]);
            if (!node.Children.TryGetValue(key, out var child) || child is not YamlMappingNode mapping)
            {
                mapping = new YamlMappingNode();
                node.Children[key] = mapping;
            }
            node = mapping;
        }
        node.Children[new YamlScalarNode(path[^1])] = value;
    }
}
