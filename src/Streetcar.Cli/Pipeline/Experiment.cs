using Streetcar.Core.Cache;
using Streetcar.Core.Config;
using Streetcar.Core.Errors;
using Streetcar.Core.Hashing;

namespace Streetcar.Cli.Pipeline;

/// <summary>One experiment file, loaded and validated, with the cache keys of its stages.</summary>
/// <param name="Name">File name without .yml.</param>
/// <param name="File">The experiment file.</param>
/// <param name="Config">The resolved config.</param>
/// <param name="SplitKey">Key of its prepared splits.</param>
/// <param name="TrajectoryShape">
/// Identity of the training trajectory it is a prefix of: experiments with equal shapes differ only in their
/// stopping rule and share their epochs (not an entry key: trajectory entries add their length).
/// </param>
/// <param name="TrainKey">Key of its model folder.</param>
/// <param name="EvaluateKey">Key of its metrics.</param>
public sealed record Experiment(string Name, string File, ExperimentConfig Config, CacheKey SplitKey, CacheKey TrajectoryShape, CacheKey TrainKey, CacheKey EvaluateKey)
{

    /// <summary>
    /// Short hash of the canonical resolved config (what the report shows): it changes when the experiment's
    /// meaning changes, not when a stage's code version does.
    /// </summary>
    public string ConfigHash => ContentHash.OfText(ExperimentConfigJson.Canonical(Config))[..CacheKey.ShortLength];

    /// <summary>The experiment's changes in the words of the book's comparison table.</summary>
    public string Changes
    {
        get
        {
            var weighting = Config.Weighting == ClassWeighting.Balanced
                ? Config.OneWeightOffset == 0 ? "weighted" : $"weighted (offset {Config.OneWeightOffset})"
                : "unweighted";
            var stopping = Config.EarlyStopping.Enabled
                ? $"early stopping on {ConfigEnum.Name(Config.EarlyStopping.Monitor)} ({ConfigEnum.Name(Config.EarlyStopping.Mode)}, patience {Config.EarlyStopping.Patience})"
                : "no early stopping";
            return $"{Config.Epochs} epoch{(Config.Epochs == 1 ? "" : "s")}, {weighting}, {stopping}";
        }
    }

    /// <summary>The experiment names in experiments/: *.yml not starting with an underscore, sorted.</summary>
    public static IReadOnlyList<string> Names(Workspace workspace) =>
        ExperimentConfigLoader.ExperimentFiles(workspace.Experiments).Select(Path.GetFileNameWithoutExtension).ToArray()!;

    /// <summary>
    /// Loads the named experiments (all when <paramref name="names"/> is empty), in name order. An experiment
    /// whose config is invalid is returned as its error, so that the others can still run.
    /// </summary>
    public static IReadOnlyList<(string Name, Experiment? Experiment, string? Error)> Load(Workspace workspace, IReadOnlyList<string> names, CacheKey gridKey)
    {
        var all = Names(workspace);
        if (all.Count == 0)
        {
            throw new PipelineException($"no experiments in {workspace.Experiments} (*.yml, files starting with '_' are bases)");
        }
        var unknown = names.Except(all).ToArray();
        if (unknown.Length > 0)
        {
            throw new PipelineException($"unknown experiment {string.Join(", ", unknown)}; known: {string.Join(", ", all)}");
        }
        var chosen = names.Count == 0 ? all : all.Where(names.Contains).ToArray();
        return chosen.Select(name => TryCreate(workspace, name, gridKey)).ToArray();
    }

    private static (string, Experiment?, string?) TryCreate(Workspace workspace, string name, CacheKey gridKey)
    {
        try
        {
            return (name, Create(workspace, name, gridKey), null);
        }
        catch (PipelineException e)
        {
            // Relative to the root: the error is shown in results/report.md, which must not depend on where the checkout is.
            return (name, null, e.Message.Replace(workspace.Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
        }
    }

    private static Experiment Create(Workspace workspace, string name, CacheKey gridKey)
    {
        var file = Path.Combine(workspace.Experiments, name + ".yml");
        var config = ExperimentConfigLoader.Load(file) with { Name = name };
        var splitKey = PrepareStep.SplitKey(gridKey, config);
        var shape = StageTable.Trajectory.Key(config).Input("prepared", splitKey).Build();
        var trainKey = StageTable.Train.Key(config).Input("trajectory", shape).Input("prepared", splitKey).Build();
        var evaluateKey = StageTable.Evaluate.Key(config).Input("model", trainKey).Input("prepared", splitKey).Build();
        return new Experiment(name, file, config, splitKey, shape, trainKey, evaluateKey);
    }
}
