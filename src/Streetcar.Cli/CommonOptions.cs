using System.CommandLine;

namespace Streetcar.Cli;

/// <summary>Options several verbs share.</summary>
public static class CommonOptions
{
    public static readonly Option<string?> Root = new("--root")
    {
        Description = "Repository root: a folder holding streetcar-experiments.sln, experiments/ and data/ (default: the nearest such folder up from here); any other folder is refused before anything is written to it.",
        Recursive = true,
    };

    public static readonly Option<string?> DataSource = new("--data-source")
    {
        Description = "Folder to copy the raw workbooks from (default: $STREETCAR_DATA_SOURCE, else the pinned files shipped in data/ttc/; with --accept-new-vintage and no folder, the portal's current files).",
        HelpName = "DIR",
    };

    public static readonly Option<bool> AcceptNewVintage = new("--accept-new-vintage")
    {
        Description = "Accept workbooks whose SHA-256 differs from data/workbooks.sha256, and files for years it does not pin, and record it in the data summary.",
    };

    public static readonly Option<bool> Force = new("--force")
    {
        Description = "Rebuild even when the stage cache has a valid entry.",
    };

    public static readonly Option<string[]> Experiment = new("--experiment", "-e")
    {
        Description = "Experiment name (file in experiments/ without .yml); repeat for several. Default: all.",
        HelpName = "NAME",
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<int> Jobs = CreateJobs();

    public static readonly Option<bool> KeepGoing = new("--keep-going")
    {
        Description = "Exit 0 when some experiments failed (they are recorded, and `report` marks them and fails); for build scripts that run the report next.",
    };

    public static readonly Option<bool> NoSharing = new("--no-sharing")
    {
        Description = "Train every experiment's own trajectory instead of sharing one among experiments that differ only in when they stop (same results; for measuring the saving).",
    };

    public static readonly Option<int?> Repeats = CreateRepeats();

    public static readonly Option<string> Executor = CreateExecutor();

    public static readonly Option<string?> Remote = new("--remote")
    {
        Description = "Shared stage cache: a remote's name in remotes.yml, a folder path, or an Azure container URL (https://ACCOUNT.blob.core.windows.net/CONTAINER). Pipeline verbs pull the entries their experiments need before planning and push what they built after success.",
        HelpName = "R",
    };

    private static Option<string> CreateExecutor()
    {
        var option = new Option<string>("--executor")
        {
            Description = $"Where the jobs run: local (threads of this process, the default), process (each job a child `streetcar exec`, up to --jobs at a time), slurm (each job an sbatch job). One of: {string.Join(", ", Pipeline.Executors.Names)}.",
            HelpName = "NAME",
            DefaultValueFactory = _ => Pipeline.Executors.Default,
        };
        option.Validators.Add(result =>
        {
            if (result.Tokens.LastOrDefault()?.Value is { } name && !Pipeline.Executors.Names.Contains(name))
            {
                result.AddError($"--executor must be one of {string.Join(", ", Pipeline.Executors.Names)}, not {name}");
            }
        });
        return option;
    }

    private static Option<int?> CreateRepeats()
    {
        var option = new Option<int?>("--repeats")
        {
            Description = $"Train and report N repeats of every experiment instead of its configured count (1 .. {Core.Config.RepeatSeeds.MaxRepeats}), for a quick look; it changes the cache keys, and the report says so.",
            HelpName = "N",
        };
        option.Validators.Add(result =>
        {
            if (result.Tokens.LastOrDefault()?.Value is { } text && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n)
                && n is < 1 or > Core.Config.RepeatSeeds.MaxRepeats)
            {
                result.AddError($"--repeats must be a whole number in 1 .. {Core.Config.RepeatSeeds.MaxRepeats}, not {text}");
            }
        });
        return option;
    }

    private static Option<int> CreateJobs()
    {
        var option = new Option<int>("--jobs", "-j")
        {
            Description = "Jobs (trajectories, evaluations) run side by side, each on its configured thread count. Default: the machine's core count.",
            HelpName = "N",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        option.Validators.Add(result =>
        {
            // A token that is no number at all is reported by the parser itself; asking for the value would throw.
            if (result.Tokens.LastOrDefault()?.Value is { } text && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var jobs) && jobs < 1)
            {
                result.AddError($"--jobs must be a whole number of at least 1, not {text}");
            }
        });
        return option;
    }

    /// <summary>Environment variable naming the default data source folder.</summary>
    public const string DataSourceVariable = "STREETCAR_DATA_SOURCE";

    /// <summary>
    /// The data source: the option, else the environment variable, else none (the shipped data/ttc/, or the portal
    /// for a new vintage). A value that is not a folder is a data error naming where it came from (the option or
    /// the variable), before anything is fetched.
    /// </summary>
    public static string? ResolveDataSource(ParseResult result)
    {
        var (folder, origin) = result.GetValue(DataSource) is { Length: > 0 } dir ? (dir, $"--data-source {dir}")
            : Environment.GetEnvironmentVariable(DataSourceVariable) is { Length: > 0 } env ? (env, $"{DataSourceVariable}={env}")
            : (null, null);
        if (folder is null || Directory.Exists(folder))
        {
            return folder;
        }
        throw new Core.Errors.DataException(File.Exists(folder) ? $"{origin}: not a folder (a file); give the folder holding the raw workbooks" : $"{origin}: no such folder");
    }
}
