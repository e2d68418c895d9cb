using Streetcar.Core.Errors;
using Streetcar.Pipeline.Execution;
using Streetcar.Pipeline.Slurm;

namespace Streetcar.Cli.Pipeline;

/// <summary>The executors <c>--executor</c> chooses from, one registration line each.</summary>
public static class Executors
{
    private static readonly Dictionary<string, Func<ExecutorSettings, IJobExecutor>> Registered = new(StringComparer.Ordinal)
    {
        [LocalExecutor.ExecutorName] = settings => new LocalExecutor(settings.Jobs),
        [ProcessExecutor.ExecutorName] = settings => new ProcessExecutor(settings.Jobs),
        // Opening checks cluster.yml (3), the options (64), sbatch on PATH and slurmctld (2) before anything runs.
        ["slurm"] = settings => SlurmExecutor.Open(settings.WorkspaceRoot, settings.Slurm),
    };

    /// <summary>The names, for --help and the option's check.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Registered.Keys];

    public const string Default = LocalExecutor.ExecutorName;

    /// <summary>The executor <paramref name="name"/>, made from <paramref name="settings"/>.</summary>
    public static IJobExecutor Create(string name, ExecutorSettings settings) => Registered.TryGetValue(name, out var create)
        ? create(settings)
        : throw new PipelineException($"unknown executor '{name}'; known: {string.Join(", ", Names)}", ExitCodes.Usage);
}
