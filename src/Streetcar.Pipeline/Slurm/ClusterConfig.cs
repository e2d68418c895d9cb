using System.Text.RegularExpressions;
using Streetcar.Core.Config;
using Streetcar.Core.Errors;

namespace Streetcar.Pipeline.Slurm;

/// <summary>
/// <c>cluster.yml</c> at the workspace root, optional: where and how the Slurm executor submits. Read strictly like
/// every config (an unknown key, a wrong type or an out-of-range value is exit 3 naming the file and the key). None
/// of it is in a cache key: where a job runs never changes what it builds.
/// </summary>
public sealed partial record ClusterConfig
{
    /// <summary>The file's name at the workspace root.</summary>
    public const string FileName = "cluster.yml";

    /// <summary>Largest <see cref="MaxCpusPerTask"/> accepted (a node with more cores is not a node we know of).</summary>
    public const int CpuLimit = 4096;

    /// <summary>Slurm partition (<c>--partition</c>); default none: the cluster's default partition.</summary>
    public string? Partition { get; init; }

    /// <summary>Slurm account charged (<c>--account</c>); default none: the user's default account.</summary>
    public string? Account { get; init; }

    /// <summary>
    /// Wall-time limit of each job (<c>--time</c>), in Slurm's formats: <c>MM</c>, <c>MM:SS</c>, <c>HH:MM:SS</c>,
    /// <c>D-HH</c>, <c>D-HH:MM</c>, <c>D-HH:MM:SS</c>; default none: the partition's limit.
    /// </summary>
    public string? TimeLimit { get; init; }

    /// <summary>
    /// Caps each job's <c>--cpus-per-task</c> (otherwise the job's threads), 1 .. <see cref="CpuLimit"/>; default
    /// none. The job's threads stay what its config says: the cap only asks Slurm for fewer cores.
    /// </summary>
    public int? MaxCpusPerTask { get; init; }

    /// <summary>Seconds between two <c>squeue</c> polls, 1 .. 300 (default 5: one poll per few seconds is what admins accept).</summary>
    public int PollSeconds { get; init; } = 5;

    /// <summary>More <c>sbatch</c> options, each one argument starting with <c>--</c> (<c>--qos=short</c>, <c>--mem=8G</c>).</summary>
    public List<string> SbatchOptions { get; init; } = [];

    /// <summary>Options the executor sets itself: a second value from the config would contradict it.</summary>
    public static IReadOnlyList<string> ReservedOptions { get; } =
        ["--job-name", "--array", "--dependency", "--kill-on-invalid-dep", "--output", "--error", "--cpus-per-task", "--parsable", "--wrap", "--partition", "--account", "--time"];

    /// <summary>Reads <c>cluster.yml</c> from <paramref name="workspaceRoot"/> (the defaults when there is none) and validates it.</summary>
    /// <exception cref="ConfigException">An unknown key, a wrong type or an out-of-range value (exit 3).</exception>
    public static ClusterConfig Load(string workspaceRoot)
    {
        var path = Path.Combine(workspaceRoot, FileName);
        if (!File.Exists(path))
        {
            return new ClusterConfig();
        }
        var config = YamlConfigReader.Read<ClusterConfig>(path);
        config.Validate(path);
        return config;
    }

    /// <summary>This config with every value <paramref name="overrides"/> sets replacing its own (options beat the file).</summary>
    public ClusterConfig With(SlurmOptions overrides) => this with
    {
        Partition = overrides.Partition ?? Partition,
        Account = overrides.Account ?? Account,
        TimeLimit = overrides.TimeLimit ?? TimeLimit,
        MaxCpusPerTask = overrides.MaxCpusPerTask ?? MaxCpusPerTask,
        PollSeconds = overrides.PollSeconds ?? PollSeconds,
        SbatchOptions = [.. SbatchOptions, .. overrides.SbatchOptions ?? []],
    };

    /// <summary>The out-of-range values as (snake_case key, problem), in declaration order; empty when all are valid.</summary>
    public IReadOnlyList<(string Key, string Problem)> Problems()
    {
        var problems = new List<(string, string)>();
        if (Partition is not null && !Name().IsMatch(Partition))
        {
            problems.Add(("partition", $"must be a Slurm partition name (letters, digits, '_', '-', '.'), got '{Partition}'"));
        }
        if (Account is not null && !Name().IsMatch(Account))
        {
            problems.Add(("account", $"must be a Slurm account name (letters, digits, '_', '-', '.'), got '{Account}'"));
        }
        if (TimeLimit is not null && !TimeFormat().IsMatch(TimeLimit))
        {
            problems.Add(("time_limit", $"must be a Slurm time (MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS), got '{TimeLimit}'"));
        }
        if (MaxCpusPerTask is < 1 or > CpuLimit)
        {
            problems.Add(("max_cpus_per_task", $"must be an integer in 1 .. {CpuLimit}, got {MaxCpusPerTask}"));
        }
        if (PollSeconds is < 1 or > 300)
        {
            problems.Add(("poll_seconds", $"must be an integer in 1 .. 300, got {PollSeconds}"));
        }
        foreach (var option in SbatchOptions)
        {
            if (!option.StartsWith("--", StringComparison.Ordinal) || option.Length < 3 || option.Any(char.IsWhiteSpace))
            {
                problems.Add(("sbatch_options", $"each must be one long option without spaces (--name or --name=value), got '{option}'"));
            }
            else if (ReservedOptions.Contains(option.Split('=')[0]))
            {
                problems.Add(("sbatch_options", $"'{option.Split('=')[0]}' is set by the executor (use partition, account, time_limit or max_cpus_per_task for those)"));
            }
        }
        return problems;
    }

    /// <summary>Throws a <see cref="ConfigException"/> naming <paramref name="file"/> and the first bad key.</summary>
    public void Validate(string file)
    {
        if (Problems() is [var (key, problem), ..])
        {
            throw new ConfigException(file, key, problem);
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{1,64}$")]
    private static partial Regex Name();

    // Minutes, minutes:seconds, hours:minutes:seconds, days-hours, days-hours:minutes, days-hours:minutes:seconds.
    [GeneratedRegex(@"^(\d{1,6}|\d{1,6}:\d{1,2}|\d{1,4}:\d{1,2}:\d{1,2}|\d{1,4}-\d{1,2}|\d{1,4}-\d{1,2}:\d{1,2}|\d{1,4}-\d{1,2}:\d{1,2}:\d{1,2})$")]
    private static partial Regex TimeFormat();
}
