using Streetcar.Core.Errors;
using Streetcar.Pipeline.Execution;

namespace Streetcar.Cli.Pipeline;

/// <summary>The executors <c>--executor</c> chooses from, one registration line each.</summary>
public static class Executors
{
    private static readonly Dictionary<string, Func<int, IJobExecutor>> Registered = new(StringComparer.Ordinal)
    {
        [LocalExecutor.ExecutorName] = jobs => new LocalExecutor(jobs),
        [ProcessExecutor.ExecutorName] = jobs => new ProcessExecutor(jobs),
        // The Slurm executor is wired here once its project is in the build.
        ["slurm"] = _ => throw new PipelineException("--executor slurm is not available in this build (no Slurm executor is registered)", ExitCodes.Pipeline),
    };

    /// <summary>The names, for --help and the option's check.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Registered.Keys];

    public const string Default = LocalExecutor.ExecutorName;

    /// <summary>The executor <paramref name="name"/>, running up to <paramref name="jobs"/> jobs at once.</summary>
    public static IJobExecutor Create(string name, int jobs) => Registered.TryGetValue(name, out var create)
        ? create(jobs)
        : throw new PipelineException($"unknown executor '{name}'; known: {string.Join(", ", Names)}", ExitCodes.Usage);
}
