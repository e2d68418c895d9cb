using Streetcar.Core.Cache;
using Streetcar.Core.Errors;
using Streetcar.Prepare.Config;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// One run of some of the pipeline's steps over some experiments: resolves the raw data, the configs and the
/// keys once, builds prepared data on first use, and keeps one experiment's failure from stopping the others.
/// </summary>
public sealed class PipelineRun
{
    private readonly PipelineContext _ctx;
    private readonly RawData _raw;
    private readonly PrepareConfig _prepareConfig;
    private readonly Dictionary<CacheKey, PreparedData> _prepared = [];

    private PipelineRun(PipelineContext ctx, RawData raw, PrepareConfig prepareConfig, IReadOnlyList<string> names)
    {
        _ctx = ctx;
        _raw = raw;
        _prepareConfig = prepareConfig;
        GridKey = PrepareStep.GridKey(prepareConfig, raw);
        var loaded = Experiment.Load(ctx.Workspace, names, GridKey);
        Experiments = loaded.Where(l => l.Experiment is not null).Select(l => l.Experiment!).ToArray();
        InvalidExperiments = loaded.Where(l => l.Error is not null).ToDictionary(l => l.Name, l => l.Error!);
    }

    public CacheKey GridKey { get; }

    /// <summary>The experiments whose config is valid, in name order.</summary>
    public IReadOnlyList<Experiment> Experiments { get; }

    /// <summary>Experiments whose config could not be loaded: name → error.</summary>
    public IReadOnlyDictionary<string, string> InvalidExperiments { get; }

    /// <summary>Starts a run on the raw data as it is (<paramref name="raw"/>), or as already in data/raw/.</summary>
    public static PipelineRun Start(PipelineContext ctx, IReadOnlyList<string> experimentNames, RawData? raw = null) =>
        new(ctx, raw ?? RawDataStep.Current(ctx), PrepareStep.ReadConfig(ctx.Workspace), experimentNames);

    /// <summary>The prepared splits <paramref name="experiment"/> trains on (built on first use, never forced).</summary>
    public PreparedData PreparedFor(Experiment experiment, bool force = false, string? exportCsv = null)
    {
        if (!force && exportCsv is null && _prepared.TryGetValue(experiment.SplitKey, out var known))
        {
            return known;
        }
        var prepared = PrepareStep.Ensure(_ctx with { Force = force }, _prepareConfig, _raw, experiment.Config, exportCsv);
        _prepared[experiment.SplitKey] = prepared;
        return prepared;
    }

    /// <summary>
    /// Runs <paramref name="step"/> for every experiment. A failing experiment is logged (the report marks it)
    /// and the others still run; at the end, any failure makes the run fail. A <see cref="DataException"/> (the
    /// shared raw data is bad) is no one experiment's failure: it stops the run at once, reported once.
    /// </summary>
    public void ForEachExperiment(string verb, Action<Experiment, Func<PreparedData>> step)
    {
        var failures = new FailureLog(_ctx.Workspace);
        // Name → (message, exit code); with one experiment asked for, its error is the one line printed.
        var failed = new SortedDictionary<string, (string Message, int ExitCode)>(StringComparer.Ordinal);
        var single = InvalidExperiments.Count + Experiments.Count == 1;
        void Fail(string name, string message, int exitCode)
        {
            failed[name] = (message, exitCode);
            if (!single)
            {
                _ctx.Console.Error(message);
            }
        }
        foreach (var (name, error) in InvalidExperiments)
        {
            failures.Record(name, $"config: {error}");
            Fail(name, $"{verb} {name} failed: {error}", ExitCodes.Config);
        }
        foreach (var experiment in Experiments)
        {
            if (!_ctx.Force && failures.FailedForGood(experiment.Name, experiment.TrainKey) is { } previous)
            {
                Fail(experiment.Name, $"{verb} {experiment.Name} skipped: it failed before with the same inputs ({previous}); --force retries", ExitCodes.Pipeline);
                continue;
            }
            try
            {
                step(experiment, () => PreparedFor(experiment));
                failures.Clear(experiment.Name);
            }
            catch (Exception e) when (e is not (OperationCanceledException or DataException))
            {
                failures.Record(experiment.Name, $"{verb}: {e.Message}", experiment.TrainKey, final: e is PipelineException);
                Fail(experiment.Name, $"{verb} {experiment.Name} failed: {e.Message}", (e as PipelineException)?.ExitCode ?? ExitCodes.Internal);
            }
        }
        if (failed.Count == 0)
        {
            return;
        }
        // One kind of failure keeps its own code (config errors exit 3); a mix is a pipeline failure.
        var codes = failed.Values.Select(f => f.ExitCode).Distinct().ToArray();
        var exitCode = codes.Length == 1 ? codes[0] : ExitCodes.Pipeline;
        if (single)
        {
            throw new PipelineException(failed.Values.Single().Message, exitCode);
        }
        var others = failed.Count < InvalidExperiments.Count + Experiments.Count ? "; the other experiments completed and are cached" : "";
        throw new PipelineException($"{verb} failed for {string.Join(", ", failed.Keys)}{others}", exitCode);
    }
}
