using Streetcar.Evaluate.Metrics;

namespace Streetcar.Report.Model;

/// <summary>What the curve plots draw of one experiment (test split).</summary>
/// <param name="Experiment">Experiment name.</param>
/// <param name="Curves">Its ROC and precision–recall points (<see cref="ScoreCurves.Compute"/>).</param>
/// <param name="RocAuc">ROC AUC from all scores (<see cref="RankingMetrics.RocAuc"/>), for the legend.</param>
/// <param name="PrAuc">Average precision from all scores, for the legend.</param>
/// <param name="AtThreshold">Outcomes at the decision threshold, marked on both curves when given.</param>
/// <param name="Threshold">That threshold, for the marker's legend.</param>
public sealed record CurveSeries(
    string Experiment,
    ScoreCurves Curves,
    double RocAuc,
    double PrAuc,
    ConfusionMatrix? AtThreshold = null,
    double? Threshold = null);
