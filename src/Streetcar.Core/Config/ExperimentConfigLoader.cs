using Streetcar.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Streetcar.Core.Config;

/// <summary>
/// Loads an experiment: its YAML merged key by key over the file named by its <c>base</c> key (nested mappings
/// merge, scalars and lists replace), then validated. Every file is first read on its own so that an unknown
/// key or a wrong type names the file it is in; a range error names the file the value came from.
/// </summary>
public static class ExperimentConfigLoader
{
    private const string BaseKey = "base";
    private const int MaxBaseDepth = 8;
    private const string ThresholdKey = "threshold";

    /// <summary>Largest config file read (64 KiB; the book's base is under 1 KiB): a bigger one is refused unread.</summary>
    public const long MaxFileBytes = 64 * 1024;

    /// <summary>How a sweep file's name ends (<c>experiments/NAME.sweep.yml</c>): a search over experiments, not one.</summary>
    public const string SweepSuffix = ".sweep.yml";

    /// <summary>The experiment files of <paramref name="folder"/>: <c>*.yml</c> not starting with '_' and not sweeps, sorted.</summary>
    public static IReadOnlyList<string> ExperimentFiles(string folder) =>
        Directory.GetFiles(folder, "*.yml")
            .Where(f => !Path.GetFileName(f).StartsWith('_') && !f.EndsWith(SweepSuffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Reads, merges and validates the experiment at <paramref name="path"/>.</summary>
    public static ExperimentConfig Load(string path)
    {
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var merged = LoadMerged(path, folder, origins, 0);
        var text = Serialize(merged);
        var config = YamlConfigReader.Parse<ExperimentConfig>(text, path) with { Base = null };
        // The file name is the experiment's name everywhere (-e, the cache, the report); a `name:` that says otherwise
        // would be a second name silently ignored, so it must agree.
        var stem = Path.GetFileNameWithoutExtension(path);
        if (config.Name.Length > 0 && config.Name != stem)
        {
            throw new ConfigException(origins.GetValueOrDefault("name", path), "name",
                $"'{config.Name}' differs from the file name '{stem}' ({Path.GetFileName(path)}); the file name is the experiment's name: make them equal or drop 'name'");
        }
        config = config with { Name = stem };
        ExperimentConfigValidator.Validate(config, key => origins.GetValueOrDefault(key, path));
        return config;
    }

    /// <summary>
    /// The experiment at <paramref name="path"/> with <paramref name="overlay"/> merged over it (the same key-by-key
    /// merge as a base file), named <paramref name="name"/> and validated: a sweep's point. A key of the overlay that is
    /// unknown, of the wrong type or out of range is an error against <paramref name="overlayOrigin"/>.
    /// </summary>
    public static ExperimentConfig LoadWithOverlay(string path, YamlMappingNode overlay, string name, string overlayOrigin)
    {
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var merged = LoadMerged(path, folder, origins, 0);
        var overlayText = Serialize(overlay);
        // Read alone first, as a file would be: unknown keys and wrong types are reported against the point.
        YamlConfigReader.Parse<ExperimentConfig>(overlayText, overlayOrigin);
        RecordOrigins(overlay, "", overlayOrigin, origins);
        var config = YamlConfigReader.Parse<ExperimentConfig>(Serialize(Merge(merged, overlay)), overlayOrigin) with { Base = null, Name = name };
        ExperimentConfigValidator.Validate(config, key => origins.GetValueOrDefault(key, path));
        return config;
    }

    /// <summary>
    /// Reads <paramref name="path"/> and, recursively, its base files, which must stay inside
    /// <paramref name="folder"/> (the experiment's folder): a config never reads a file elsewhere on the machine.
    /// </summary>
    private static YamlMappingNode LoadMerged(string path, string folder, Dictionary<string, string> origins, int depth)
    {
        if (!File.Exists(path))
        {
            throw new PipelineException($"{path}: config file not found", ExitCodes.Config);
        }
        var text = YamlConfigReader.ReadFile(path);
        // Read alone first: unknown keys and wrong types are reported against this file and its lines.
        var own = YamlConfigReader.Parse<ExperimentConfig>(text, path);
        var node = ReadMapping(text, path);
        RecordOrigins(node, "", path, origins);
        if (own.Base is null)
        {
            return node;
        }
        if (depth >= MaxBaseDepth)
        {
            throw new ConfigException(path, BaseKey, $"more than {MaxBaseDepth} levels of base files (a cycle?)");
        }
        var basePath = BasePath(path, folder, own.Base);
        if (!File.Exists(basePath))
        {
            throw new ConfigException(path, BaseKey, $"base file '{own.Base}' not found next to it");
        }
        var baseOrigins = new Dictionary<string, string>(StringComparer.Ordinal);
        var merged = Merge(LoadMerged(basePath, folder, baseOrigins, depth + 1), node);
        foreach (var (key, file) in baseOrigins)
        {
            origins.TryAdd(key, file);
        }
        return merged;
    }

    /// <summary>The full path of <paramref name="baseName"/>, refused unless it is a file inside <paramref name="folder"/>.</summary>
    private static string BasePath(string path, string folder, string baseName)
    {
        var allowed = $"a file name inside {Path.GetFileName(folder)}/, e.g. _base.yml";
        if (Path.IsPathRooted(baseName))
        {
            throw new ConfigException(path, BaseKey, $"'{baseName}' is an absolute path; allowed: {allowed}");
        }
        var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? folder, baseName));
        if (!full.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ConfigException(path, BaseKey, $"'{baseName}' is outside the experiments folder; allowed: {allowed}");
        }
        return full;
    }

    private static YamlMappingNode ReadMapping(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            // The strict reader has already accepted this text; this only guards the merge against a surprise.
            throw new ConfigException($"{path}:{e.Start.Line}:{e.Start.Column}", "(root)", e.Message);
        }
        if (stream.Documents.Count == 0)
        {
            return new YamlMappingNode();
        }
        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new ConfigException(path, "(root)", "expected a mapping of keys to values");
    }

    private static void RecordOrigins(YamlMappingNode node, string prefix, string path, Dictionary<string, string> origins)
    {
        foreach (var (key, value) in node.Children)
        {
            var dotted = prefix + (key as YamlScalarNode)?.Value;
            origins[dotted] = path;
            if (value is YamlMappingNode child)
            {
                RecordOrigins(child, dotted + ".", path, origins);
            }
        }
    }

    /// <summary>Overlay wins key by key; mappings merge recursively; the overlay's <c>base</c> key is dropped.</summary>
    private static YamlMappingNode Merge(YamlMappingNode under, YamlMappingNode over)
    {
        var result = new YamlMappingNode();
        foreach (var (key, value) in under.Children)
        {
            if (((YamlScalarNode)key).Value != BaseKey)
            {
                result.Add(key, value);
            }
        }
        foreach (var (key, value) in over.Children)
        {
            if (((YamlScalarNode)key).Value == BaseKey)
            {
                continue;
            }
            // A threshold rule replaces the base's whole: merging {choose: max_f1} into {choose: target_recall,
            // value: 0.85} would keep a value max_f1 does not take.
            if (((YamlScalarNode)key).Value != ThresholdKey
                && result.Children.TryGetValue(key, out var existing)
                && existing is YamlMappingNode underChild && value is YamlMappingNode overChild)
            {
                result.Children[key] = Merge(underChild, overChild);
            }
            else
            {
                result.Children[key] = value;
            }
        }
        return result;
    }

    private static string Serialize(YamlMappingNode node)
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
