using Streetcar.Core.Config;

namespace Streetcar.Cli.Sweeps;

/// <summary>
/// A kept model's figures on the validation split (the <see cref="ValidateStep"/>'s entry): what a sweep ranks its
/// points by. The metrics are those an experiment's <c>early_stopping.monitor</c> names, computed as the evaluate
/// stage computes them.
/// </summary>
/// <param name="Rows">Validation rows scored.</param>
/// <param name="Positives">Delays among them.</param>
/// <param name="PrAuc">Average precision.</param>
/// <param name="RocAuc">ROC AUC.</param>
/// <param name="Accuracy">Accuracy at 0.5, as Keras' val_accuracy.</param>
/// <param name="Loss">Unweighted binary cross-entropy of the scores, as val_loss.</param>
public sealed record ValidationFigures(int Rows, int Positives, double PrAuc, double RocAuc, double Accuracy, double Loss)
{
    /// <summary>The figure <paramref name="metric"/> names (a validation metric a sweep may select on).</summary>
    public double Of(MonitorMetric metric) => metric switch
    {
        MonitorMetric.ValPrAuc => PrAuc,
        MonitorMetric.ValRocAuc => RocAuc,
        MonitorMetric.ValAccuracy => Accuracy,
        MonitorMetric.ValLoss => Loss,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "not a validation figure of a sweep"),
    };
}
