using Streetcar.Core.Cache;
using Streetcar.Train.Training;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// What the report and the serving-repeat rule read of a train entry, whichever model kind it holds: a network's
/// history, or a boosting fit seen as one "epoch" per tree with no per-epoch curve.
/// </summary>
/// <param name="EpochsRun">Epochs trained (a boosting model: its trees).</param>
/// <param name="ChosenEpoch">Epoch whose weights were kept (a boosting model: its last tree).</param>
/// <param name="ChosenLabel">"best" or "final".</param>
/// <param name="BestEpoch">The best checkpoint's epoch, when early stopping chose it.</param>
/// <param name="ValidLoss">Unweighted validation loss of the kept model.</param>
/// <param name="Epochs">Per-epoch records (empty for boosting).</param>
public sealed record TrainedModel(int EpochsRun, int ChosenEpoch, string ChosenLabel, int? BestEpoch, double ValidLoss, IReadOnlyList<EpochRecord> Epochs)
{
    /// <summary>Reads the train entry <paramref name="entry"/>, as its model kind wrote it.</summary>
    public static TrainedModel Read(CacheEntry entry) => Models.ModelKinds.OfFolder(entry.Folder).Read(entry);
}
