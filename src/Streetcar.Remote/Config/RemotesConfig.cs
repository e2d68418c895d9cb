using Streetcar.Core.Config;
using Streetcar.Core.Errors;

namespace Streetcar.Remote.Config;

/// <summary>
/// <c>remotes.yml</c> at the project root, optional: the named remotes and the default one. Validated when read,
/// like every config: an unknown or repeated key, a wrong type, an unknown kind or a missing location is an
/// error naming the file and the key (exit 3).
/// </summary>
public sealed record RemotesConfig
{
    /// <summary>The file's name at the project root.</summary>
    public const string FileName = "remotes.yml";

    /// <summary>The kinds offered.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["azure", "directory"];

    /// <summary>The remote <c>cache push</c> and <c>cache pull</c> use without <c>--remote</c>.</summary>
    public string? Default { get; init; }

    public Dictionary<string, RemoteDefinition> Remotes { get; init; } = [];

    /// <summary>Reads and validates <c>remotes.yml</c> in <paramref name="root"/>; the empty config when there is none.</summary>
    public static RemotesConfig Load(string root)
    {
        var path = System.IO.Path.Combine(root, FileName);
        if (!File.Exists(path))
        {
            return new RemotesConfig();
        }
        var config = YamlConfigReader.Read<RemotesConfig>(path);
        foreach (var (name, remote) in config.Remotes.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            Validate(FileName, name, remote);
        }
        if (config.Default is { } chosen && !config.Remotes.ContainsKey(chosen))
        {
            throw new ConfigException(FileName, "default", $"names no remote: '{chosen}'; allowed: {Known(config)}");
        }
        return config;
    }

    /// <summary>The names of the remotes, for messages.</summary>
    public static string Known(RemotesConfig config) =>
        config.Remotes.Count == 0 ? "(none)" : string.Join(", ", config.Remotes.Keys.Order(StringComparer.Ordinal));

    private static void Validate(string file, string name, RemoteDefinition remote)
    {
        var key = $"remotes.{name}";
        switch (remote.Kind)
        {
            case "azure":
                if (remote.Url is not { } url || !(url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal)))
                {
                    throw new ConfigException(file, $"{key}.url", "kind azure needs url: the container URL, https://ACCOUNT.blob.core.windows.net/CONTAINER");
                }
                if (remote.Path is not null)
                {
                    throw new ConfigException(file, $"{key}.path", "is for kind directory; an azure remote has url");
                }
                break;
            case "directory":
                if (string.IsNullOrWhiteSpace(remote.Path))
                {
                    throw new ConfigException(file, $"{key}.path", "kind directory needs path: the remote's folder");
                }
                if (remote.Url is not null || remote.ConnectionStringVariable is not null)
                {
                    throw new ConfigException(file, remote.Url is not null ? $"{key}.url" : $"{key}.connection_string_variable", "is for kind azure; a directory remote has path");
                }
                break;
            case "":
                throw new ConfigException(file, $"{key}.kind", $"is missing; allowed: {string.Join(" | ", Kinds)}");
            default:
                throw new ConfigException(file, $"{key}.kind", $"'{remote.Kind}' is not allowed; allowed: {string.Join(" | ", Kinds)} (S3 is not offered: see the README)");
        }
    }
}
