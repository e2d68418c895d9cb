using Streetcar.Core.Cache;
using Streetcar.Core.Config;
using Streetcar.Core.Errors;
using Streetcar.Prepare.Config;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// The inputs of one run over some experiments: the raw data (checked against its pins), the configs and their
/// keys, resolved once, and prepared data built on first use. <see cref="PipelineEngine"/> runs the stages.
/// </summary>
public sealed class PipelineRun
{
    private readonly PipelineContext _ctx;
    private readonly RawData _raw;
    private readonly PrepareConfig _prepareConfig;
    private readonly Dictionary<CacheKey, PreparedData> _prepared = [];

    private PipelineRun(PipelineContext ctx, RawData raw, PrepareConfig prepareConfig, IReadOnlyList<string> names, int? repeats,
        IReadOnlyList<(ExperimentConfig Config, string File)>? configs = null)
    {
        _ctx = ctx;
        _raw = raw;
        _prepareConfig = prepareConfig;
        GridKey = PrepareStep.GridKey(prepareConfig, raw);
        RepeatsOverride = repeats;
        var loaded = configs is null
            ? Experiment.Load(ctx.Workspace, names, GridKey, repeats)
            : configs.Select(c => (c.Config.Name, (Experiment?)Experiment.FromConfig(c.Config, c.File, GridKey), (string?)null)).ToArray();
        Experiments = loaded.Where(l => l.Experiment is not null).Select(l => l.Experiment!).ToArray();
        InvalidExperiments = loaded.Where(l => l.Error is not null).ToDictionary(l => l.Name, l => l.Error!);
        // Checked at every verb, before anything trains: a bad _report.yml fails fast, not after the training.
        ReportConfig = ReportConfig.Load(ctx.Workspace.Experiments, Experiment.Names(ctx.Workspace).ToArray());
    }

    /// <summary>experiments/_report.yml (which experiment each is compared with), validated against the experiment names.</summary>
    public ReportConfig ReportConfig { get; }

    public CacheKey GridKey { get; }

    /// <summary>The experiments whose config is valid, in name order.</summary>
    public IReadOnlyList<Experiment> Experiments { get; }

    /// <summary>Every repeat of every valid experiment, in name then repeat order.</summary>
    public IReadOnlyList<ExperimentRun> Runs => Experiments.SelectMany(e => e.Runs).ToArray();

    /// <summary>Experiments whose config could not be loaded: name → error.</summary>
    public IReadOnlyDictionary<string, string> InvalidExperiments { get; }

    /// <summary>Starts a run on the raw data as it is (<paramref name="raw"/>), or as already in data/raw/.</summary>
    /// <paramref name="repeats"/>: the command line's --repeats, overriding every experiment's count (null: as configured).
    public static PipelineRun Start(PipelineContext ctx, IReadOnlyList<string> experimentNames, RawData? raw = null, int? repeats = null) =>
        new(ctx, raw ?? RawDataStep.Current(ctx), PrepareStep.ReadConfig(ctx.Workspace), experimentNames, repeats);

    /// <summary>
    /// A run over experiments that exist only in memory, already resolved and validated (a sweep's points, each
    /// <paramref name="configs"/>' file the sweep file it came from), on the raw data as already in data/raw/.
    /// </summary>
    public static PipelineRun ForConfigs(PipelineContext ctx, IReadOnlyList<(ExperimentConfig Config, string File)> configs) =>
        new(ctx, RawDataStep.Current(ctx), PrepareStep.ReadConfig(ctx.Workspace), [], null, configs);

    /// <summary>
    /// This run with <paramref name="extra"/> experiments added (the sweeps' chosen points, which the report shows
    /// beside the experiment files), in name order; the raw data, the configs and the prepared splits are shared.
    /// </summary>
    public PipelineRun With(IReadOnlyList<(ExperimentConfig Config, string File)> extra)
    {
        if (extra.Count == 0)
        {
            return this;
        }
        var added = new PipelineRun(this, [.. Experiments, .. extra.Select(c => Experiment.FromConfig(c.Config, c.File, GridKey))]);
        return added;
    }

    private PipelineRun(PipelineRun from, IReadOnlyList<Experiment> experiments)
    {
        _ctx = from._ctx;
        _raw = from._raw;
        _prepareConfig = from._prepareConfig;
        _prepared = from._prepared;
        GridKey = from.GridKey;
        RepeatsOverride = from.RepeatsOverride;
        Experiments = experiments.DistinctBy(e => e.Name).OrderBy(e => e.Name, StringComparer.Ordinal).ToArray();
        InvalidExperiments = from.InvalidExperiments;
        ReportConfig = from.ReportConfig;
    }

    /// <summary>The command line's --repeats, or null when every experiment runs its configured count.</summary>
    public int? RepeatsOverride { get; }

    /// <summary>The prepared splits <paramref name="experiment"/> trains on (built on first use, never forced).</summary>
    public PreparedData PreparedFor(ExperimentRun experiment, bool force = false, string? exportCsv = null)
    {
        if (!force && exportCsv is null && _prepared.TryGetValue(experiment.SplitKey, out var known))
        {
            return known;
        }
        var prepared = PrepareStep.Ensure(_ctx with { Force = force }, _prepareConfig, _raw, experiment.Config, exportCsv);
        _prepared[experiment.SplitKey] = prepared;
        return prepared;
    }
}
