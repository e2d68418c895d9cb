// The typed parameters of one build, made once in Setup from the command line (see build.cake).

public sealed class BuildParameters
{
    public string Target { get; init; }
    public string Configuration { get; init; }
    /// <summary>Folder to copy the raw workbooks from (--data-source, else STREETCAR_DATA_SOURCE).</summary>
    public string DataSource { get; init; }
    /// <summary>One experiment to run (--experiment=exp3); empty means all of experiments/*.yml.</summary>
    public string Experiment { get; init; }
    /// <summary>Sweeps to run (--sweep=net-tuning); empty means all of experiments/*.sweep.yml.</summary>
    public string Sweep { get; init; }
    /// <summary>Rebuild even when the stage cache has an entry (--force).</summary>
    public bool Force { get; init; }
    /// <summary>Accept workbooks whose hash differs from data/workbooks.sha256 (--accept-new-vintage).</summary>
    public bool AcceptNewVintage { get; init; }
    /// <summary>Arguments for the score verb or the benchmark, passed as they are (--cli-args="...").</summary>
    public string CliArgs { get; init; }
    /// <summary>Git revision to compare results against (Compare target, --base=REV).</summary>
    public string BaseRevision { get; init; }
    /// <summary>Git revision compared with --base instead of the working tree (Compare target, --head=REV); empty: the working tree.</summary>
    public string HeadRevision { get; init; }
    /// <summary>Jobs run side by side by Train and Evaluate (--jobs=N); empty: the CLI's default, the core count.</summary>
    public string Jobs { get; init; }

    /// <summary>Where Train and Evaluate run their jobs (--executor=local|process|slurm); empty: the CLI's default, local.</summary>
    public string Executor { get; init; }

    /// <summary>Repeats of every experiment instead of the configured counts (--repeats=N); empty: as configured.</summary>
    public string Repeats { get; init; }

    /// <summary>Shared stage cache the verbs pull from and push to (--remote=R: a remotes.yml name, a folder or an Azure container URL); empty: none.</summary>
    public string Remote { get; init; }

    /// <summary>
    /// Stage cache folder every verb uses (--cache=DIR, passed through as the CLI's --cache); empty: the CLI's default
    /// ($STREETCAR_CACHE, else data/cache/). A bare --cache is Clean's "also delete data/cache/" and names no folder.
    /// </summary>
    public string CacheDir { get; init; }

    public static BuildParameters FromContext(ICakeContext context) => new BuildParameters
    {
        Target = context.Argument("target", "Default"),
        Configuration = context.Argument("configuration", "Release"),
        DataSource = context.Argument("data-source", context.EnvironmentVariable("STREETCAR_DATA_SOURCE") ?? ""),
        Experiment = context.Argument("experiment", ""),
        Sweep = context.Argument("sweep", ""),
        Force = context.HasArgument("force"),
        AcceptNewVintage = context.HasArgument("accept-new-vintage"),
        CliArgs = context.Argument("cli-args", ""),
        BaseRevision = context.Argument("base", "HEAD"),
        HeadRevision = context.Argument("head", ""),
        Jobs = context.Argument("jobs", ""),
        Executor = context.Argument("executor", ""),
        Repeats = context.Argument("repeats", ""),
        Remote = context.Argument("remote", ""),
        CacheDir = context.Argument("cache", ""), // a bare --cache gives "": no folder
    };
}
