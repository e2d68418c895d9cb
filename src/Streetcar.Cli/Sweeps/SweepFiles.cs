using Streetcar.Cli.Pipeline;
using Streetcar.Core.Config;
using Streetcar.Core.Errors;
using Streetcar.Sweep;

namespace Streetcar.Cli.Sweeps;

/// <summary>A sweep file read, expanded and every point validated: ready to run, or to replay from the cache.</summary>
/// <param name="Definition">The file.</param>
/// <param name="Points">Its points as experiments, in grid order.</param>
public sealed record LoadedSweep(SweepDefinition Definition, IReadOnlyList<ResolvedPoint> Points);

/// <summary>The sweeps of experiments/ (<c>NAME.sweep.yml</c>).</summary>
public static class SweepFiles
{
    /// <summary>The sweep names in experiments/, sorted.</summary>
    public static IReadOnlyList<string> Names(Workspace workspace) =>
        Directory.Exists(workspace.Experiments)
            ? Directory.GetFiles(workspace.Experiments, "*" + ExperimentConfigLoader.SweepSuffix)
                .Select(f => Path.GetFileName(f)[..^ExperimentConfigLoader.SweepSuffix.Length])
                .Order(StringComparer.Ordinal).ToArray()
            : [];

    /// <summary>
    /// Reads the named sweeps (all when <paramref name="names"/> is empty) and validates every point of each before
    /// anything trains: a bad file or point is a config error (exit 3), an unknown name a usage error (64).
    /// </summary>
    public static IReadOnlyList<LoadedSweep> Load(Workspace workspace, IReadOnlyList<string> names, int maxPoints = SweepPoints.DefaultMaxPoints)
    {
        var all = Names(workspace);
        var unknown = names.Except(all).ToArray();
        if (unknown.Length > 0)
        {
            throw new PipelineException($"unknown sweep {string.Join(", ", unknown)}; known: {(all.Count == 0 ? "none (experiments/*.sweep.yml)" : string.Join(", ", all))}", ExitCodes.Usage);
        }
        return (names.Count == 0 ? all : all.Where(names.Contains)).Select(name =>
        {
            var file = Path.Combine(workspace.Experiments, name + ExperimentConfigLoader.SweepSuffix);
            try
            {
                var definition = SweepFileReader.Read(file);
                return new LoadedSweep(definition, SweepPoints.Resolve(definition, SweepPoints.Expand(definition, maxPoints), workspace.Experiments));
            }
            catch (ConfigException e)
            {
                // Relative to the root, as experiment errors are: messages do not depend on where the checkout is.
                throw new PipelineException(e.Message.Replace(workspace.Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal), ExitCodes.Config);
            }
        }).ToArray();
    }
}
