using Streetcar.Cli.Models;
using Streetcar.Core.Cache;
using Streetcar.Core.Config;
using Streetcar.Core.Errors;
using Streetcar.Core.Hashing;

namespace Streetcar.Cli.Pipeline;

/// <summary>One experiment file, loaded and validated, with its repeats (the runs the stages work on).</summary>
/// <param name="Name">File name without .yml.</param>
/// <param name="File">The experiment file.</param>
/// <param name="Config">The resolved config (with its repeat count).</param>
/// <param name="Runs">One run per repeat, repeat 1 first.</param>
public sealed record Experiment(string Name, string File, ExperimentConfig Config, IReadOnlyList<ExperimentRun> Runs)
{
    /// <summary>
    /// Identity of everything the experiment trains: its runs' train keys. A failure is remembered against it, so
    /// the experiment is skipped until one of its runs' inputs changes.
    /// </summary>
    public CacheKey Key => Runs.Count == 1 ? Runs[0].TrainKey
        : Runs.Aggregate(CacheKeyBuilder.For(StageTable.Train.Name, StageTable.Train.Version), (b, r) => b.Input($"repeat-{r.Repeat}", r.TrainKey)).Build();

    /// <summary>
    /// Short hash of the canonical resolved config (what the report shows): it changes when the experiment's
    /// meaning changes, not when a stage's code version does.
    /// </summary>
    public string ConfigHash => ContentHash.OfText(ExperimentConfigJson.Canonical(Config))[..CacheKey.ShortLength];

    /// <summary>The training budget the table shows: epochs, or a boosting model's iterations (one tree each).</summary>
    public int MaxEpochs => ModelKinds.Of(Config).Budget(Config);

    /// <summary>The experiment's changes in the words of the book's comparison table (its kind's, then the threshold rule).</summary>
    public string Changes => ModelKinds.Of(Config).Changes(Config) + ThresholdChange;

    /// <summary>", threshold max_f1" when the threshold is not the book's 0.5, else nothing.</summary>
    private string ThresholdChange => Config.Threshold == new ExperimentConfig().Threshold ? "" : $", threshold {Config.Threshold}";

    /// <summary>The experiment names in experiments/: *.yml not starting with an underscore, sorted.</summary>
    public static IReadOnlyList<string> Names(Workspace workspace) =>
        ExperimentConfigLoader.ExperimentFiles(workspace.Experiments).Select(Path.GetFileNameWithoutExtension).ToArray()!;

    /// <summary>
    /// Loads the named experiments (all when <paramref name="names"/> is empty), in name order. An experiment
    /// whose config is invalid is returned as its error, so that the others can still run.
    /// </summary>
    public static IReadOnlyList<(string Name, Experiment? Experiment, string? Error)> Load(Workspace workspace, IReadOnlyList<string> names, CacheKey gridKey, int? repeats = null)
    {
        var all = Names(workspace);
        if (all.Count == 0)
        {
            throw new PipelineException($"no experiments in {workspace.Experiments} (*.yml, files starting with '_' are bases)", ExitCodes.Config);
        }
        var unknown = names.Except(all).ToArray();
        if (unknown.Length > 0)
        {
            throw new PipelineException($"unknown experiment {string.Join(", ", unknown)}; known: {string.Join(", ", all)}", ExitCodes.Usage);
        }
        var chosen = names.Count == 0 ? all : all.Where(names.Contains).ToArray();
        return chosen.Select(name => TryCreate(workspace, name, gridKey, repeats)).ToArray();
    }

    private static (string, Experiment?, string?) TryCreate(Workspace workspace, string name, CacheKey gridKey, int? repeats)
    {
        try
        {
            return (name, Create(workspace, name, gridKey, repeats), null);
        }
        catch (PipelineException e)
        {
            // Relative to the root: the error is shown in results/report.md, which must not depend on where the checkout is.
            return (name, null, e.Message.Replace(workspace.Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
        }
    }

    /// <summary>An experiment from a config resolved elsewhere (a sweep's point); <paramref name="file"/> is where it came from.</summary>
    public static Experiment FromConfig(ExperimentConfig config, string file, CacheKey gridKey) =>
        new(config.Name, file, config, Enumerable.Range(1, config.Repeats).Select(repeat => ExperimentRun.Create(config, repeat, gridKey)).ToArray());

    private static Experiment Create(Workspace workspace, string name, CacheKey gridKey, int? repeats)
    {
        var file = Path.Combine(workspace.Experiments, name + ".yml");
        var config = ExperimentConfigLoader.Load(file) with { Name = name };
        if (repeats is { } count)
        {
            config = config with { Repeats = count };
        }
        var runs = Enumerable.Range(1, config.Repeats).Select(repeat => ExperimentRun.Create(config, repeat, gridKey)).ToArray();
        return new Experiment(name, file, config, runs);
    }
}
