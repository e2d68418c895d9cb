using Streetcar.Core.Config;

namespace Streetcar.Train.Training;

/// <summary>
/// Outcome of a training run, as data (saved as <c>history.json</c>): the epochs and which model was kept.
/// </summary>
/// <param name="Experiment">Experiment name.</param>
/// <param name="Epochs">One record per epoch run.</param>
/// <param name="Monitor">Metric watched by early stopping and the best checkpoint.</param>
/// <param name="Mode">min or max.</param>
/// <param name="EarlyStopping">Whether early stopping was on.</param>
/// <param name="BestEpoch">Epoch with the best monitor value.</param>
/// <param name="StoppedEpoch">Epoch after which early stopping stopped the run, or null.</param>
/// <param name="Chosen">Which weights were saved.</param>
/// <param name="ZeroWeight">Class weight of label 0.</param>
/// <param name="OneWeight">Class weight of label 1.</param>
public sealed record TrainingHistory(
    string Experiment,
    IReadOnlyList<EpochRecord> Epochs,
    MonitorMetric Monitor,
    MonitorMode Mode,
    bool EarlyStopping,
    int? BestEpoch,
    int? StoppedEpoch,
    ChosenModel Chosen,
    double ZeroWeight,
    double OneWeight)
{
    /// <summary>Epoch whose weights were saved.</summary>
    /// <summary>"best" (the early-stopping checkpoint) or "final": how metrics and the report name the chosen model.</summary>
    public string ChosenLabel => Chosen == ChosenModel.BestCheckpoint ? "best" : "final";

    public int ChosenEpoch => Chosen == ChosenModel.BestCheckpoint && BestEpoch is { } best ? best : Epochs.Count;
}
