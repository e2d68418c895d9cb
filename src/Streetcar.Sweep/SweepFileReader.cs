using System.Globalization;
using Streetcar.Core.Config;
using Streetcar.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Streetcar.Sweep;

/// <summary>
/// Reads <c>experiments/NAME.sweep.yml</c> strictly, as experiment files are read: an unknown or repeated key, a
/// wrong shape, an empty search space, a bad range or halving rule is a <see cref="ConfigException"/> (exit 3) naming
/// the file, its line and the key. Whether each point is a valid experiment is checked later, per point
/// (<see cref="SweepPoints.Resolve"/>), so that the error can name the point.
/// </summary>
public static class SweepFileReader
{
    private static readonly string[] TopKeys = ["base", "description", "method", "samples", "seed", "repeats", "space", "select", "halving"];

    /// <summary>
    /// Keys a sweep may not search: identity and documentation (<c>base</c>, <c>name</c>, <c>description</c>), what
    /// the sweep itself sets (<c>repeats</c>, <c>repeat_split</c>, the seeds: repeats vary those), and output
    /// switches that change no result (<c>tensorboard</c>). <c>model</c> too: one sweep searches one model kind.
    /// </summary>
    private static readonly string[] Unsweepable = ["base", "name", "description", "repeats", "repeat_split", "seeds", "tensorboard", "model"];

    /// <summary>Significant digits a <c>{from, to, steps}</c> value keeps: readable names, and 0.003 rather than 0.0030000000000000005.</summary>
    private const int RangeDigits = 6;

    /// <summary>Reads and checks the sweep file at <paramref name="path"/>.</summary>
    public static SweepDefinition Read(string path)
    {
        var text = YamlConfigReader.ReadFile(path);
        ConfigEncoding.EnsureUtf8(text, path);
        var root = Root(text, path);
        var name = Path.GetFileName(path) is var file && file.EndsWith(ExperimentConfigLoader.SweepSuffix, StringComparison.Ordinal)
            ? file[..^ExperimentConfigLoader.SweepSuffix.Length]
            : throw new ConfigException(path, "(file)", $"a sweep file's name ends in {ExperimentConfigLoader.SweepSuffix}");
        var keys = Mapping(root, path, "(root)");
        foreach (var (key, _) in keys)
        {
            if (!TopKeys.Contains(key))
            {
                throw Error(path, keys[key], key, $"unknown key; allowed: {string.Join(", ", TopKeys)}");
            }
        }
        var baseName = Scalar(keys, path, "base") ?? throw new ConfigException(path, "base", "missing: the experiment each point overrides (a name in experiments/, e.g. exp7)");
        var method = Enum<SweepMethod>(keys, path, "method") ?? SweepMethod.Grid;
        var samples = Integer(keys, path, "samples", 1, 100_000);
        if (method == SweepMethod.Random && samples is null)
        {
            throw new ConfigException(path, "samples", "missing: a random sweep draws this many points ([1, 100000])");
        }
        if (method == SweepMethod.Grid && samples is not null)
        {
            throw Error(path, keys["samples"], "samples", "only applies with method: random (a grid takes every combination)");
        }
        var seed = Integer(keys, path, "seed", 0, int.MaxValue) ?? 42;
        var repeats = Integer(keys, path, "repeats", 1, RepeatSeeds.MaxRepeats);
        var space = Space(keys, path);
        var selection = Selection(keys, path);
        var halving = Halving(keys, path, space);
        return new SweepDefinition(name, path, baseName, Scalar(keys, path, "description") ?? "", method, samples, seed, repeats, space, selection, halving);
    }

    private static IReadOnlyList<SearchDimension> Space(IReadOnlyDictionary<string, YamlNode> keys, string path)
    {
        if (!keys.TryGetValue("space", out var node))
        {
            throw new ConfigException(path, "space", "missing: the keys to search, each with its values (a list, or {from, to, steps, log})");
        }
        var entries = Mapping(node, path, "space");
        if (entries.Count == 0)
        {
            throw Error(path, node, "space", "is empty: list at least one key with its values");
        }
        var dimensions = new List<SearchDimension>();
        foreach (var (key, values) in entries)
        {
            var dotted = $"space.{key}";
            if (Unsweepable.Any(u => key == u || key.StartsWith(u + ".", StringComparison.Ordinal)))
            {
                throw Error(path, values, dotted, $"cannot be searched ({string.Join(", ", Unsweepable)} are set by the sweep or are not results)");
            }
            var list = values switch
            {
                YamlSequenceNode sequence => sequence.Children.Select(v => new SweepValue(Text(v), v)).ToList(),
                YamlMappingNode range => Range(range, path, key),
                _ => throw Error(path, values, dotted, "expected a list of values, or a range {from, to, steps, log}"),
            };
            if (list.Count == 0)
            {
                throw Error(path, values, dotted, "has no values");
            }
            if (list.GroupBy(v => v.Text).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw Error(path, values, dotted, $"lists the value {twice.Key} twice");
            }
            dimensions.Add(new SearchDimension(key, list));
        }
        return dimensions;
    }

    /// <summary>A numeric range: <c>steps</c> values from <c>from</c> to <c>to</c>, evenly spaced (on a log scale with <c>log: true</c>).</summary>
    private static List<SweepValue> Range(YamlMappingNode node, string path, string key)
    {
        var dotted = $"space.{key}";
        var fields = Mapping(node, path, dotted);
        foreach (var (field, _) in fields)
        {
            if (field is not ("from" or "to" or "steps" or "log"))
            {
                throw Error(path, node, $"{dotted}.{field}", "unknown key; a range has from, to, steps and (optional) log");
            }
        }
        var bound = ExperimentBounds.All.FirstOrDefault(b => b.Key == key)
            ?? throw Error(path, node, dotted, "a {from, to, steps} range needs a numeric key; list this key's values instead");
        var from = Number(fields, path, dotted, "from");
        var to = Number(fields, path, dotted, "to");
        var steps = Integer(fields, path, $"{dotted}.steps", 1, 1000, "steps") ?? throw new ConfigException(path, $"{dotted}.steps", "missing: how many values");
        var log = fields.TryGetValue("log", out var logNode) && Bool(logNode, path, $"{dotted}.log");
        if (steps == 1 ? from != to : from >= to)
        {
            throw Error(path, node, dotted, steps == 1 ? "with steps: 1, from and to must be equal" : $"from ({from}) must be below to ({to})");
        }
        if (log && from <= 0)
        {
            throw Error(path, node, dotted, "log: true needs from > 0");
        }
        var values = new List<SweepValue>();
        for (var i = 0; i < steps; i++)
        {
            var t = steps == 1 ? 0 : (double)i / (steps - 1);
            var raw = log ? Math.Exp(Math.Log(from) + t * (Math.Log(to) - Math.Log(from))) : from + t * (to - from);
            var value = bound.Integer ? Math.Round(raw, MidpointRounding.AwayFromZero) : double.Parse(raw.ToString($"G{RangeDigits}", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            var text = NumericBound.Show(value);
            if (values.Any(v => v.Text == text))
            {
                throw Error(path, node, dotted, $"steps: {steps} between {from} and {to} gives the whole number {text} twice; use fewer steps");
            }
            values.Add(new SweepValue(text, new YamlScalarNode(text)));
        }
        return values;
    }

    private static SelectionRule Selection(IReadOnlyDictionary<string, YamlNode> keys, string path)
    {
        if (!keys.TryGetValue("select", out var node))
        {
            throw new ConfigException(path, "select", "missing: {metric: a validation metric, by: mean | lower_bound}");
        }
        var fields = Mapping(node, path, "select");
        foreach (var (field, _) in fields)
        {
            if (field is not ("metric" or "by"))
            {
                throw Error(path, node, $"select.{field}", "unknown key; allowed: metric, by");
            }
        }
        var metric = Enum<MonitorMetric>(fields, path, "select.metric", "metric")
            ?? throw new ConfigException(path, "select.metric", "missing: the validation metric that ranks the points");
        var allowed = new[] { MonitorMetric.ValPrAuc, MonitorMetric.ValRocAuc, MonitorMetric.ValAccuracy, MonitorMetric.ValLoss };
        if (!allowed.Contains(metric))
        {
            throw Error(path, fields["metric"], "select.metric", $"must be a validation metric (points are never chosen on training or test figures); allowed: {string.Join(" | ", allowed.Select(ConfigEnum.Name))}");
        }
        var by = Enum<SelectionStatistic>(fields, path, "select.by", "by") ?? SelectionStatistic.Mean;
        var mode = MonitorMetrics.Direction(metric) ?? (metric == MonitorMetric.ValAccuracy ? MonitorMode.Max : MonitorMode.Min);
        return new SelectionRule(metric, by, mode);
    }

    private static HalvingRule? Halving(IReadOnlyDictionary<string, YamlNode> keys, string path, IReadOnlyList<SearchDimension> space)
    {
        if (!keys.TryGetValue("halving", out var node))
        {
            return null;
        }
        var fields = Mapping(node, path, "halving");
        foreach (var (field, _) in fields)
        {
            if (field is not ("min_epochs" or "eta"))
            {
                throw Error(path, node, $"halving.{field}", "unknown key; allowed: min_epochs, eta");
            }
        }
        var minEpochs = Integer(fields, path, "halving.min_epochs", 1, ExperimentBounds.Epochs.Max, "min_epochs")
            ?? throw new ConfigException(path, "halving.min_epochs", "missing: the epochs every point trains before the first cut");
        var eta = Integer(fields, path, "halving.eta", 2, 100, "eta")
            ?? throw new ConfigException(path, "halving.eta", "missing: the cut factor (2: keep the best half; 3: the best third)");
        if (space.Any(d => d.Key == "epochs"))
        {
            throw Error(path, node, "halving", "cannot be combined with searching epochs: halving decides how long each point trains");
        }
        return new HalvingRule(minEpochs, eta);
    }

    private static YamlNode Root(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ConfigException($"{path}:{e.Start.Line}:{e.Start.Column}", "(root)", e.Message);
        }
        return stream.Documents.Count == 0
            ? throw new ConfigException(path, "(root)", "is empty; a sweep needs base, space and select")
            : stream.Documents[0].RootNode;
    }

    /// <summary>The keys of a mapping node, in file order; a key written twice is an error naming it.</summary>
    private static IReadOnlyDictionary<string, YamlNode> Mapping(YamlNode node, string path, string key)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(path, node, key, "expected a mapping (key: value lines)");
        }
        var result = new OrderedDictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (k, v) in mapping.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? throw Error(path, k, key, "keys must be plain names");
            if (!result.TryAdd(name, v))
            {
                throw Error(path, k, key == "(root)" ? name : $"{key}.{name}", "is written twice");
            }
        }
        return result;
    }

    private static string? Scalar(IReadOnlyDictionary<string, YamlNode> keys, string path, string key, string? field = null)
    {
        if (!keys.TryGetValue(field ?? key, out var node))
        {
            return null;
        }
        return node is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw Error(path, node, key, "expected a single value");
    }

    private static T? Enum<T>(IReadOnlyDictionary<string, YamlNode> keys, string path, string key, string? field = null) where T : struct, System.Enum
    {
        var text = Scalar(keys, path, key, field);
        if (text is null)
        {
            return null;
        }
        return ConfigEnum.TryParse(typeof(T), text, out var value) ? (T)value : throw Error(path, keys[field ?? key], key, ConfigEnum.NotAllowed(typeof(T), text));
    }

    private static int? Integer(IReadOnlyDictionary<string, YamlNode> keys, string path, string key, int min, double max, string? field = null)
    {
        var text = Scalar(keys, path, key, field);
        if (text is null)
        {
            return null;
        }
        var bound = new NumericBound(key, min, max, Integer: true);
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(path, keys[field ?? key], key, $"expected an integer in {bound.Text}, got '{text}'");
        }
        return bound.Contains(value) ? (int)value : throw Error(path, keys[field ?? key], key, bound.Problem(value));
    }

    private static double Number(IReadOnlyDictionary<string, YamlNode> fields, string path, string dotted, string field)
    {
        var text = Scalar(fields, path, $"{dotted}.{field}", field) ?? throw new ConfigException(path, $"{dotted}.{field}", "missing");
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Error(path, fields[field], $"{dotted}.{field}", $"expected a number, got '{text}'");
    }

    private static bool Bool(YamlNode node, string path, string key) => node is YamlScalarNode { Value: "true" or "false" } scalar
        ? scalar.Value == "true"
        : throw Error(path, node, key, "expected true or false");

    /// <summary>How a point's name writes a value: a scalar as written, a list joined by 'x' (<c>64x32</c>, <c>none</c>), a mapping's values by '-'.</summary>
    private static string Text(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        YamlSequenceNode { Children.Count: 0 } => "none",
        YamlSequenceNode sequence => string.Join("x", sequence.Children.Select(Text)),
        YamlMappingNode mapping => string.Join("-", mapping.Children.Select(c => Text(c.Value))),
        _ => node.ToString(),
    };

    private static ConfigException Error(string path, YamlNode node, string key, string problem) =>
        new($"{path}:{node.Start.Line}:{node.Start.Column}", key, problem);
}
