namespace Streetcar.Core.Config;

/// <summary>Facts about the <see cref="MonitorMetric"/> values that only make sense watched one way.</summary>
public static class MonitorMetrics
{
    /// <summary>
    /// The direction in which <paramref name="monitor"/> improves when only one makes sense (the ranking metrics up,
    /// the weighted loss down); null for the book's four, whose mode the config states as Keras let it.
    /// </summary>
    public static MonitorMode? Direction(MonitorMetric monitor) => monitor switch
    {
        MonitorMetric.ValRocAuc or MonitorMetric.ValPrAuc => MonitorMode.Max,
        MonitorMetric.ValWeightedLoss => MonitorMode.Min,
        _ => null,
    };
}
