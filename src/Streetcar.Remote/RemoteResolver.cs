using Streetcar.Core.Errors;
using Streetcar.Remote.Config;
using Streetcar.Remote.Stores;

namespace Streetcar.Remote;

/// <summary>
/// What <c>--remote R</c> means: a remote's name in <c>remotes.yml</c>, else an Azure container URL
/// (<c>https://…/container</c>), else a folder path (it contains a '/', or starts with '.' or '~'); without R, the
/// config's default.
/// </summary>
public static class RemoteResolver
{
    /// <summary>Opens the remote <paramref name="spec"/> means for the project at <paramref name="root"/>.</summary>
    /// <param name="required">True for <c>cache push/pull</c>: no spec and no default is a usage error.</param>
    public static IRemoteStore? Open(string? spec, string root, bool required, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var config = RemotesConfig.Load(root);
        spec ??= config.Default;
        if (spec is null)
        {
            return required
                ? throw new PipelineException($"no remote given: pass --remote NAME|URL|DIR, or name a default in {RemotesConfig.FileName}", ExitCodes.Usage)
                : null;
        }
        if (config.Remotes.TryGetValue(spec, out var definition))
        {
            return definition.Kind == "azure"
                ? AzureConnection.Open(definition.Url!, definition.ConnectionStringVariable, environment)
                : new DirectoryRemote(Path.IsPathRooted(definition.Path!) ? definition.Path! : Path.Combine(root, definition.Path!));
        }
        if (spec.StartsWith("https://", StringComparison.Ordinal) || spec.StartsWith("http://", StringComparison.Ordinal))
        {
            return AzureConnection.Open(spec, variable: null, environment);
        }
        if (spec.Contains('/', StringComparison.Ordinal) || spec.Contains('\\', StringComparison.Ordinal) || spec.StartsWith('.') || spec.StartsWith('~'))
        {
            return new DirectoryRemote(spec.StartsWith('~') ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), spec.TrimStart('~', '/')) : spec);
        }
        throw new PipelineException($"--remote {spec}: unknown remote; known in {RemotesConfig.FileName}: {RemotesConfig.Known(config)} (or give a folder path or an https:// container URL)", ExitCodes.Usage);
    }
}
