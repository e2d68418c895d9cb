using Streetcar.Core.Config;

namespace Streetcar.Pipeline.Stages;

/// <summary>One run (an experiment's repeat) a job serves.</summary>
/// <param name="Label">How messages name it (<c>exp3#2</c>).</param>
/// <param name="Experiment">Its experiment's name.</param>
/// <param name="Config">Its resolved config: one repeat, that repeat's seeds.</param>
public sealed record StageRun(string Label, string Experiment, ExperimentConfig Config);
