using Streetcar.Core.Cache;
using Streetcar.Core.Config;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// One repeat of an experiment: the unit the stages train and evaluate, with its own seeds and cache keys.
/// </summary>
/// <param name="Experiment">The experiment's name.</param>
/// <param name="Repeat">1-based repeat number.</param>
/// <param name="Repeats">How many repeats the experiment has.</param>
/// <param name="Config">
/// The experiment's config with this repeat's seeds (<see cref="RepeatSeeds"/>) and one repeat: what the stages
/// read, so that a run's keys do not depend on how many repeats there are.
/// </param>
/// <param name="SplitKey">Key of its prepared splits.</param>
/// <param name="TrajectoryShape">
/// Identity of the training trajectory it is a prefix of: runs with equal shapes differ only in their stopping
/// rule and share their epochs (not an entry key: trajectory entries add their length).
/// </param>
/// <param name="TrainKey">Key of its model folder.</param>
/// <param name="EvaluateKey">Key of its metrics.</param>
public sealed record ExperimentRun(string Experiment, int Repeat, int Repeats, ExperimentConfig Config, CacheKey SplitKey, CacheKey TrajectoryShape, CacheKey TrainKey, CacheKey EvaluateKey)
{
    /// <summary>How messages name it: <c>exp3#2</c>, or just <c>exp3</c> for an experiment of one repeat.</summary>
    public string Label => Repeats == 1 ? Experiment : $"{Experiment}#{Repeat}";

    /// <summary>Repeat <paramref name="repeat"/> of <paramref name="config"/>, keyed on the grid <paramref name="gridKey"/>.</summary>
    public static ExperimentRun Create(ExperimentConfig config, int repeat, CacheKey gridKey)
    {
        var run = config with
        {
            Seeds = RepeatSeeds.For(config.Seeds, repeat, config.RepeatSplit),
            GradientBoosting = config.GradientBoosting with { Seed = RepeatSeeds.ForSeed(config.GradientBoosting.Seed, repeat) },
            Repeats = 1,
            RepeatSplit = false,
        };
        var splitKey = PrepareStep.SplitKey(gridKey, run);
        var shape = StageTable.Trajectory.Key(run).Input("prepared", splitKey).Build();
        var trainKey = run.Model == ModelKind.GradientBoosting
            ? StageTable.TrainBoosting.Key(run).Input("prepared", splitKey).Build()
            : StageTable.Train.Key(run).Input("trajectory", shape).Input("prepared", splitKey).Build();
        var evaluateKey = StageTable.Evaluate.Key(run).Input("model", trainKey).Input("prepared", splitKey).Build();
        return new ExperimentRun(config.Name, repeat, config.Repeats, run, splitKey, shape, trainKey, evaluateKey);
    }
}
