using Streetcar.Core.Config;

namespace Streetcar.Sweep;

/// <summary>YAML <c>select</c>: the validation metric that ranks the points and the statistic over repeats.</summary>
/// <param name="Metric">A validation metric (<c>val_pr_auc</c>, <c>val_roc_auc</c>, <c>val_loss</c>, …), never a test one.</param>
/// <param name="By">Mean, or the pessimistic interval end.</param>
/// <param name="Mode">Whether the metric improves upwards (AUCs, accuracy) or downwards (losses).</param>
public sealed record SelectionRule(MonitorMetric Metric, SelectionStatistic By, MonitorMode Mode);
