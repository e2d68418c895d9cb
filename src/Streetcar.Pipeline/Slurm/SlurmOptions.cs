namespace Streetcar.Pipeline.Slurm;

/// <summary>
/// Values given on the command line (<c>--slurm-partition</c> …) that replace those of <c>cluster.yml</c>; null
/// leaves the file's value. Validated with the file's rules (<see cref="ClusterConfig.Problems"/>).
/// </summary>
public sealed record SlurmOptions(
    string? Partition = null,
    string? Account = null,
    string? TimeLimit = null,
    int? MaxCpusPerTask = null,
    int? PollSeconds = null,
    IReadOnlyList<string>? SbatchOptions = null)
{
    /// <summary>No overrides: <c>cluster.yml</c> (or Slurm's defaults) as it is.</summary>
    public static SlurmOptions None { get; } = new();

    /// <summary>The command-line option of each <c>cluster.yml</c> key (one table: the CLI's options use it too).</summary>
    public static IReadOnlyDictionary<string, string> Options { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["partition"] = "--slurm-partition",
        ["account"] = "--slurm-account",
        ["time_limit"] = "--slurm-time",
        ["max_cpus_per_task"] = "--slurm-max-cpus",
        ["poll_seconds"] = "--slurm-poll-seconds",
        ["sbatch_options"] = "--sbatch-option",
    };

    /// <summary>The option that sets <paramref name="key"/> (the key itself when none does).</summary>
    public static string OptionFor(string key) => Options.TryGetValue(key, out var option) ? option : key;
}
