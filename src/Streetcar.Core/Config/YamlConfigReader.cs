using Streetcar.Core.Errors;
using Streetcar.Core.Files;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Streetcar.Core.Config;

/// <summary>
/// Reads YAML into config records strictly: snake_case keys, an unknown key or a value of the wrong type is a
/// <see cref="ConfigException"/> naming the file and the key. Range checks are the record's own job.
/// </summary>
public static class YamlConfigReader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithEnforceRequiredMembers()
        // An empty value (`seeds:` with nothing after it) is an error naming the key, not a null deep inside.
        .WithEnforceNullability()
        .WithTypeConverter(new ConfigEnumYamlConverter())
        // A key written twice is an error naming it: otherwise the later value would silently win.
        .WithDuplicateKeyChecking()
        .WithTypeConverter(new ThresholdRuleYamlConverter())
        .Build();

    /// <summary>Deserializes <paramref name="yaml"/>; <paramref name="file"/> names it in errors.</summary>
    public static T Parse<T>(string yaml, string file) where T : new()
    {
        ConfigEncoding.EnsureUtf8(yaml, file);
        try
        {
            return Deserializer.Deserialize<T?>(yaml) ?? new T();
        }
        catch (YamlException e)
        {
            throw ToConfigException(e, file, yaml, typeof(T));
        }
    }

    /// <summary>Reads and deserializes the YAML file at <paramref name="path"/>.</summary>
    public static T Read<T>(string path) where T : new()
    {
        if (!File.Exists(path))
        {
            throw new PipelineException($"{path}: config file not found", ExitCodes.Config);
        }
        return Parse<T>(ReadFile(path), path);
    }

    /// <summary>
    /// The text of the config file at <paramref name="path"/>, through <see cref="InputFile"/>: a FIFO, a device or
    /// a link to one is refused unopened, and at most <see cref="ExperimentConfigLoader.MaxFileBytes"/> are read.
    /// </summary>
    public static string ReadFile(string path) =>
        InputFile.ReadText(path, ExperimentConfigLoader.MaxFileBytes, problem => problem == "not found"
            ? new PipelineException($"{path}: config file not found", ExitCodes.Config)
            : new ConfigException(path, "(file)", problem));

    private static ConfigException ToConfigException(YamlException e, string file, string yaml, Type target)
    {
        var where = $"{file}:{e.Start.Line}:{e.Start.Column}";
        var message = (e.InnerException?.Message ?? e.Message).Trim();
        // "System.Int32, System.Private.CoreLib, Version=..., PublicKeyToken=..." → "System.Int32".
        message = System.Text.RegularExpressions.Regex.Replace(message, @"([\w.]+), [\w.]+, Version=[^,]+, Culture=[^,]+, PublicKeyToken=\w+", "$1");
        if (e.InnerException is OverflowException)
        {
            message = "the number is too large for this key";
        }
        // YamlDotNet says "Property 'x' not found on type 'T'." for an unknown key.
        var unknown = System.Text.RegularExpressions.Regex.Match(message, "Property '([^']+)' not found on type '([^']+)'");
        if (unknown.Success && unknown.Groups[2].Value.StartsWith("System.", StringComparison.Ordinal))
        {
            // A mapping where a single value belongs (`epochs: {a: 1}`): the key is the one holding the mapping.
            var holder = Parent(YamlKeyPath.At(yaml, e.Start)) ?? KeyOnLine(yaml, e.Start.Line) ?? $"(line {e.Start.Line})";
            return new ConfigException(where, holder, $"expected a single value ({unknown.Groups[2].Value.Split('.')[^1]}), got a mapping");
        }
        if (unknown.Success)
        {
            return new ConfigException(where, unknown.Groups[1].Value, $"unknown key (type {unknown.Groups[2].Value.Split('.')[^1]})");
        }
        // "Expected 'SequenceStart', got 'MappingStart'": parser events, not keys; name the key at that place.
        var shape = System.Text.RegularExpressions.Regex.Match(message, "Expected '(\\w+)', got '(\\w+)'");
        if (shape.Success)
        {
            return new ConfigException(where, YamlKeyPath.At(yaml, e.Start) ?? KeyOnLine(yaml, e.Start.Line) ?? $"(line {e.Start.Line})",
                $"expected {Shape(shape.Groups[1].Value)}, got {Shape(shape.Groups[2].Value)}");
        }
        if (message.EndsWith("into type " + target.FullName, StringComparison.Ordinal) || message.Contains($"to '{target.FullName}'", StringComparison.Ordinal))
        {
            // The document itself is not a mapping (a list, a bare scalar, binary bytes).
            return new ConfigException(where, "(root)", "expected a mapping of keys to values, one 'key: value' per line");
        }
        var noDeserializer = System.Text.RegularExpressions.Regex.Match(message, @"No node deserializer was able to deserialize the node into type ([\w.]+)");
        if (noDeserializer.Success)
        {
            // A list or a single value where a section of keys belongs (`early_stopping: [1]`), or a list where a
            // single value does (`epochs: [2`).
            var type = noDeserializer.Groups[1].Value;
            return new ConfigException(where, YamlKeyPath.At(yaml, e.Start) ?? KeyOnLine(yaml, e.Start.Line) ?? $"(line {e.Start.Line})",
                type.StartsWith("System.", StringComparison.Ordinal)
                    ? $"expected a single value ({type}), not a list or a mapping"
                    : $"expected a mapping of its keys (key: value lines, type {type.Split('.')[^1]}), not a list or a single value");
        }
        if ((e as ConfigValueException ?? e.InnerException as ConfigValueException) is { } refused)
        {
            return new ConfigException($"{file}:{refused.Start.Line}:{refused.Start.Column}",
                YamlKeyPath.At(yaml, refused.Start) ?? KeyOnLine(yaml, refused.Start.Line) ?? "?", refused.Message);
        }
        return new ConfigException(where, KeyAt(e) ?? KeyOnLine(yaml, e.Start.Line) ?? "?", message);
    }

    private static string? KeyAt(YamlException e) =>
        e.Message.Contains('\'') && e.Message.Split('\'')[1] is var quoted && !ParserEvents.Contains(quoted) ? quoted : null;

    /// <summary>YamlDotNet's event names, which its messages quote like keys.</summary>
    private static readonly HashSet<string> ParserEvents =
        ["Scalar", "MappingStart", "MappingEnd", "SequenceStart", "SequenceEnd", "DocumentStart", "DocumentEnd", "StreamStart", "StreamEnd", "Alias", "Comment"];

    private static string Shape(string parserEvent) => parserEvent switch
    {
        "MappingStart" => "a mapping (key: value lines)",
        "SequenceStart" => "a list",
        "Scalar" => "a single value",
        _ => parserEvent,
    };

    /// <summary>The dotted key one level up (<c>epochs.a</c> → <c>epochs</c>); null for a top-level key or none.</summary>
    private static string? Parent(string? dotted) =>
        dotted is not null && dotted.LastIndexOf('.') is var dot and > 0 ? dotted[..dot] : null;

    /// <summary>
    /// The key written on the (1-based) line of the error: a wrong-type message ("The input string 'many' was not
    /// in a correct format") names the value, not the key.
    /// </summary>
    private static string? KeyOnLine(string yaml, long line)
    {
        var lines = yaml.Split('\n');
        if (line < 1 || line > lines.Length)
        {
            return null;
        }
        var key = System.Text.RegularExpressions.Regex.Match(lines[line - 1], @"^\s*(?:-\s*)?([A-Za-z_][A-Za-z0-9_]*)\s*:");
        return key.Success ? key.Groups[1].Value : null;
    }
}
