namespace Streetcar.Core.Config;

/// <summary>
/// YAML <c>primary_metric</c> of <c>experiments/_report.yml</c>: the test metric the recommendation ranks the
/// experiments by, written as its <see cref="ConfigEnum"/> text.
/// </summary>
public enum PrimaryMetric
{
    /// <summary><c>pr_auc</c>: average precision, which with 2 % delays rewards finding delays without flooding (default).</summary>
    PrAuc,

    /// <summary><c>roc_auc</c>: ranking quality over all thresholds.</summary>
    RocAuc,

    /// <summary><c>f1</c>: at each experiment's own threshold.</summary>
    F1,

    /// <summary><c>recall</c>: at each experiment's own threshold (beware: a low threshold buys it).</summary>
    Recall,

    /// <summary><c>accuracy</c>: at each experiment's own threshold (beware: "never a delay" scores 0.98).</summary>
    Accuracy,
}
