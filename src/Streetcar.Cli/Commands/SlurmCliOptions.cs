using System.CommandLine;
using Streetcar.Pipeline.Slurm;

namespace Streetcar.Cli.Commands;

/// <summary>
/// The options of <c>--executor slurm</c>: each replaces one key of <c>cluster.yml</c> at the workspace root (the
/// names come from <see cref="SlurmOptions.Options"/>; the values are checked by the file's rules when the
/// executor opens, exit 64 naming the option).
/// </summary>
public static class SlurmCliOptions
{
    public static readonly Option<string?> Partition = new(SlurmOptions.OptionFor("partition"))
    {
        Description = "Slurm partition for every job (--executor slurm; cluster.yml: partition). Default: the cluster's default partition.",
        HelpName = "NAME",
    };

    public static readonly Option<string?> Account = new(SlurmOptions.OptionFor("account"))
    {
        Description = "Slurm account charged (cluster.yml: account). Default: your default account.",
        HelpName = "NAME",
    };

    public static readonly Option<string?> TimeLimit = new(SlurmOptions.OptionFor("time_limit"))
    {
        Description = "Wall-time limit of each job, in Slurm's formats (MM, HH:MM:SS, D-HH:MM, …; cluster.yml: time_limit). A job over it fails naming the limit; a rerun resumes.",
        HelpName = "TIME",
    };

    public static readonly Option<int?> MaxCpus = new(SlurmOptions.OptionFor("max_cpus_per_task"))
    {
        Description = "Cap on each job's --cpus-per-task, otherwise its threads (cluster.yml: max_cpus_per_task).",
        HelpName = "N",
    };

    public static readonly Option<int?> PollSeconds = new(SlurmOptions.OptionFor("poll_seconds"))
    {
        Description = "Seconds between two squeue polls, 1 .. 300 (cluster.yml: poll_seconds; default 5).",
        HelpName = "S",
    };

    public static readonly Option<string[]> SbatchOption = new(SlurmOptions.OptionFor("sbatch_options"))
    {
        Description = "One more sbatch option for every job, e.g. --sbatch-option=--qos=short; repeat for several (added to cluster.yml's sbatch_options).",
        HelpName = "OPTION",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>All of them, for a verb that offers <c>--executor</c>.</summary>
    public static IReadOnlyList<Option> All { get; } = [Partition, Account, TimeLimit, MaxCpus, PollSeconds, SbatchOption];

    /// <summary>Adds every Slurm option to <paramref name="command"/> (each verb that takes --executor).</summary>
    public static void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The values given on the command line (null where none was).</summary>
    public static SlurmOptions Read(ParseResult result) => new(
        result.GetValue(Partition),
        result.GetValue(Account),
        result.GetValue(TimeLimit),
        result.GetValue(MaxCpus),
        result.GetValue(PollSeconds),
        result.GetValue(SbatchOption) is { Length: > 0 } extra ? extra : null);
}
