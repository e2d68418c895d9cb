using Streetcar.Core.Config;
using Streetcar.Train.Training;

namespace Streetcar.Train.Trajectories;

/// <summary>
/// An experiment's stopping rule (epoch budget, early stopping, best checkpoint) applied to a recorded trajectory,
/// as a pure function of its epoch records. It runs the same <see cref="EarlyStopping"/> and
/// <see cref="MonitorImprovement"/> the training loop's callbacks run, in the same order, so it stops at the epoch
/// and keeps the checkpoint a run with these callbacks would.
/// </summary>
public static class StoppingRule
{
    /// <summary>Applies a budget of <paramref name="epochs"/> and <paramref name="stopping"/> to <paramref name="trajectory"/>.</summary>
    public static StoppingOutcome Apply(IReadOnlyList<EpochRecord> trajectory, int epochs, EarlyStoppingConfig stopping)
    {
        var best = new MonitorImprovement(stopping.Monitor, stopping.Mode);
        var early = stopping.Enabled ? new EarlyStopping(stopping.Monitor, stopping.Mode, stopping.Patience) : null;
        var run = 0;
        foreach (var record in trajectory.Take(epochs))
        {
            run++;
            best.Update(record);
            if (early?.OnEpochEnd(record) == EpochVerdict.Stop)
            {
                break;
            }
        }
        var stopped = early?.StoppedEpoch;
        return new StoppingOutcome(
            run,
            stopped,
            best.BestEpoch == 0 ? null : best.BestEpoch,
            stopping.Enabled ? ChosenModel.BestCheckpoint : ChosenModel.Final,
            Complete: stopped is not null || run == epochs);
    }
}
