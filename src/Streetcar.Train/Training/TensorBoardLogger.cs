using TorchSharp;

namespace Streetcar.Train.Training;

/// <summary>
/// Writes the epoch metrics as TensorBoard scalars into <paramref name="folder"/>. Event file names
/// embed time and host, so the folder must stay out of cache keys and reports.
/// </summary>
public sealed class TensorBoardLogger(string folder) : ITrainingCallback
{
    private readonly TorchSharp.Modules.SummaryWriter _writer = CreateWriter(folder);

    /// <inheritdoc/>
    public EpochVerdict OnEpochEnd(EpochRecord record)
    {
        _writer.add_scalar("epoch/loss", (float)record.Loss, record.Epoch);
        _writer.add_scalar("epoch/accuracy", (float)record.Accuracy, record.Epoch);
        _writer.add_scalar("epoch/val_loss", (float)record.ValLoss, record.Epoch);
        _writer.add_scalar("epoch/val_accuracy", (float)record.ValAccuracy, record.Epoch);
        // The imbalance monitors, when the record has them (histories from before they existed do not).
        foreach (var (tag, value) in new[] { ("epoch/val_roc_auc", record.ValRocAuc), ("epoch/val_pr_auc", record.ValPrAuc), ("epoch/val_weighted_loss", record.ValWeightedLoss) })
        {
            if (!double.IsNaN(value))
            {
                _writer.add_scalar(tag, (float)value, record.Epoch);
            }
        }
        return EpochVerdict.Continue;
    }

    private static TorchSharp.Modules.SummaryWriter CreateWriter(string folder)
    {
        Directory.CreateDirectory(folder);
        return torch.utils.tensorboard.SummaryWriter(folder, null, false);
    }
}
