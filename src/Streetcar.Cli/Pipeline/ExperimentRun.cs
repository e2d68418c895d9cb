using Streetcar.Cli.Models;
using Streetcar.Core.Cache;
using Streetcar.Core.Config;
using Streetcar.Pipeline.Stages;

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
/// <param name="Keys">Every stage's key, by stage name, derived from its model kind's graph (<see cref="StageGraph.Keys"/>).</param>
public sealed record ExperimentRun(string Experiment, int Repeat, int Repeats, ExperimentConfig Config, IReadOnlyDictionary<string, CacheKey> Keys)
{
    /// <summary>How messages name it: <c>exp3#2</c>, or just <c>exp3</c> for an experiment of one repeat.</summary>
    public string Label => Repeats == 1 ? Experiment : $"{Experiment}#{Repeat}";

    /// <summary>Key of its prepared splits.</summary>
    public CacheKey SplitKey => Keys[StageTable.Split.Name];

    /// <summary>
    /// Identity of the training trajectory it is a prefix of, for a kind that trains one (null otherwise): runs with
    /// equal shapes differ only in their stopping rule and share their epochs (not an entry key: trajectory entries
    /// add their length).
    /// </summary>
    public CacheKey? TrajectoryShape => Keys.GetValueOrDefault(StageTable.Trajectory.Name);

    /// <summary>Key of its model folder.</summary>
    public CacheKey TrainKey => Keys[StageTable.Train.Name];

    /// <summary>Key of its metrics.</summary>
    public CacheKey EvaluateKey => Keys[StageTable.Evaluate.Name];

    /// <summary>The run as a job serves it.</summary>
    public StageRun AsStageRun => new(Label, Experiment, Config);

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
        var keys = ModelKinds.GraphOf(run).Keys(run, new Dictionary<string, CacheKey> { [StageTable.GridRoot] = gridKey });
        return new ExperimentRun(config.Name, repeat, config.Repeats, run, keys);
    }
}
