namespace Streetcar.Report.Statistics;

/// <summary>
/// One pair of experiments compared on one metric across the repeats both have (difference = candidate − baseline,
/// repeat by repeat). <see cref="Significant"/> follows the Holm-adjusted paired t p-value; the exact Wilcoxon p is
/// carried as a check that does not assume normal differences.
/// </summary>
/// <param name="Repeats">Repeats both experiments have (the pairs); 0 when none, and then nothing else is defined.</param>
/// <param name="MeanDifference">Mean of the per-repeat differences (NaN without pairs).</param>
/// <param name="Interval">Interval of the mean difference: the bootstrap over the paired repeats for a rate or an AUC
/// (<see cref="BootstrapInterval"/>), Student t otherwise; null for fewer than two pairs.</param>
/// <param name="P">Two-sided paired t p-value; null for fewer than two pairs.</param>
/// <param name="AdjustedP">Holm-adjusted across the family compared together; null when <see cref="P"/> is.</param>
/// <param name="Sentence">What a reader can quote, e.g. "exp4 vs exp3: recall differs by -0.0020 (95 % CI -0.0310 to
/// 0.0270); paired t p = 0.84, Holm-adjusted 1.00: not significant at 0.05 over 5 repeats (...)."</param>
public sealed record PairedComparison(
    RepeatMetric Metric,
    ExperimentPair Pair,
    int Repeats,
    double MeanDifference,
    Interval? Interval,
    double? P,
    double? AdjustedP,
    WilcoxonSignedRank? Wilcoxon,
    double Alpha,
    bool Significant,
    string Sentence);
