using TorchSharp;

namespace Streetcar.Train.Training;

/// <summary>
/// Writes the four epoch metrics as TensorBoard scalars into <paramref name="folder"/>. Event file names
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
        return EpochVerdict.Continue;
    }

    private static TorchSharp.Modules.SummaryWriter CreateWriter(string folder)
    {
        Directory.CreateDirectory(folder);
        return torch.utils.tensorboard.SummaryWriter(folder, null, false);
    }
}
