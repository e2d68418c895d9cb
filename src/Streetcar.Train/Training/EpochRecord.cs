using Streetcar.Core.Config;

namespace Streetcar.Train.Training;

/// <summary>
/// Metrics of one epoch, as Keras reports them: <see cref="Loss"/> (class-weighted) and <see cref="Accuracy"/>
/// are running means over the epoch's batches in training mode; the validation metrics are computed after the
/// epoch in inference mode (moving batch-norm statistics, no dropout) and without class weights.
/// </summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="Loss">Mean weighted training loss over the epoch's batches (weighted by batch size).</param>
/// <param name="Accuracy">Share of training rows predicted right at threshold 0.5, during the epoch.</param>
/// <param name="ValLoss">Unweighted loss on the validation split.</param>
/// <param name="ValAccuracy">Validation accuracy at threshold 0.5.</param>
/// <param name="ValRocAuc">ROC AUC on the validation split (NaN when not computed).</param>
/// <param name="ValPrAuc">PR AUC (average precision) on the validation split (NaN when not computed).</param>
/// <param name="ValWeightedLoss">Validation loss with the training class weights (NaN when not computed).</param>
public sealed record EpochRecord(int Epoch, double Loss, double Accuracy, double ValLoss, double ValAccuracy,
    double ValRocAuc = double.NaN, double ValPrAuc = double.NaN, double ValWeightedLoss = double.NaN)
{
    /// <summary>The value of <paramref name="monitor"/> in this epoch.</summary>
    public double Metric(MonitorMetric monitor) => monitor switch
    {
        MonitorMetric.Loss => Loss,
        MonitorMetric.Accuracy => Accuracy,
        MonitorMetric.ValLoss => ValLoss,
        MonitorMetric.ValAccuracy => ValAccuracy,
        MonitorMetric.ValRocAuc => ValRocAuc,
        MonitorMetric.ValPrAuc => ValPrAuc,
        MonitorMetric.ValWeightedLoss => ValWeightedLoss,
        _ => throw new ArgumentOutOfRangeException(nameof(monitor), monitor, "unknown metric"),
    };
}
