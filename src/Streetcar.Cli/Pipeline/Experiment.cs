using Streetcar.Core.Cache;
using Streetcar.Core.Config;
using Streetcar.Core.Errors;
using Streetcar.Core.Hashing;

namespace Streetcar.Cli.Pipeline;

/// <summary>One experiment file, loaded and validated, with the cache keys of its stages.</summary>
public sealed record Experiment(string Name, string File, ExperimentConfig Config, CacheKey SplitKey, CacheKey TrainKey, CacheKey EvaluateKey)
{
    public const string TrainStage = "train";
    public const string EvaluateStage = "evaluate";

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
            throw new PipelineException($"no experiments in {workspace.Experiments} (*.yml, files starting with '_' are bases)", ExitCodes.Config);
        }
        var unknown = names.Except(all).ToArray();
        if (unknown.Length > 0)
        {
            throw new PipelineException($"unknown experiment {string.Join(", ", unknown)}; known: {string.Join(", ", all)}", ExitCodes.Usage);
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
        var trainKey = CacheKeyBuilder.For(TrainStage, Train.TrainStage.Version)
            .Input("config", ContentHash.OfText(ExperimentConfigJson.Canonical(config)))
            .Input("prepared", splitKey)
            .Build();
        var evaluateKey = CacheKeyBuilder.For(EvaluateStage, Evaluate.EvaluateStage.Version)
            .Param("threshold", config.Threshold)
            .Input("model", trainKey)
            .Input("prepared", splitKey)
            .Build();
        return new Experiment(name, file, config, splitKey, trainKey, evaluateKey);
    }
}
