using System.Diagnostics;
using System.Globalization;
using Streetcar.Train.Training;

namespace Streetcar.Cli.Models.Network;

/// <summary>
/// A training observer that reports a line when the training starts (saying which code trains it) and one per
/// trained epoch with its wall time, as progress lines of the job (printed by the job board, in this process or
/// forwarded from a child's).
/// </summary>
public sealed class EpochProgress(string label, Action<string> progress) : ITrainingCallback
{
    private readonly Stopwatch _watch = new();
    private TrainingPlan? _plan;

    public void OnTrainBegin(TrainingPlan plan)
    {
        _plan = plan;
        var path = plan.Path == TrainingPath.Managed ? "the managed training step" : "libtorch autograd";
        progress(string.Create(CultureInfo.InvariantCulture,
            $"  {label}: training on {path}, {plan.TrainRows} rows in {plan.BatchesPerEpoch} batches per epoch, {plan.ValidRows} validation rows"));
        _watch.Restart();
    }

    public EpochVerdict OnEpochEnd(EpochRecord record)
    {
        // Training and validation of the epoch; the callbacks before this one (weights written) included.
        progress(string.Create(CultureInfo.InvariantCulture,
            $"  {label} epoch {record.Epoch}/{_plan?.Epochs}: loss {record.Loss:F4} accuracy {record.Accuracy:F4} val_loss {record.ValLoss:F4} val_accuracy {record.ValAccuracy:F4} ({_watch.Elapsed.TotalSeconds:F2} s)"));
        _watch.Restart();
        return EpochVerdict.Continue;
    }
}
