using Streetcar.Train.Training;

namespace Streetcar.Train.Trajectories;

/// <summary>What an experiment's stopping rule makes of a trajectory (see <see cref="StoppingRule"/>).</summary>
/// <param name="EpochsRun">Epochs the experiment runs: its budget, or fewer when early stopping fires.</param>
/// <param name="StoppedEpoch">Epoch after which early stopping stopped it, or null.</param>
/// <param name="BestEpoch">Epoch with the best monitor value within the epochs run, or null before any.</param>
/// <param name="Chosen">Which weights the experiment keeps.</param>
/// <param name="Complete">
/// False when the trajectory is too short to decide (it ends before the budget and early stopping has not fired):
/// it must be extended first.
/// </param>
public sealed record StoppingOutcome(int EpochsRun, int? StoppedEpoch, int? BestEpoch, ChosenModel Chosen, bool Complete)
{
    /// <summary>Epoch whose weights the experiment keeps.</summary>
    public int ChosenEpoch => Chosen == ChosenModel.BestCheckpoint && BestEpoch is { } best ? best : EpochsRun;
}
