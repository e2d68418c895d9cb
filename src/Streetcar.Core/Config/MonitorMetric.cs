namespace Streetcar.Core.Config;

/// <summary>
/// YAML <c>early_stopping.monitor</c>: the per-epoch metric early stopping and the best checkpoint watch. Written
/// as its <see cref="ConfigEnum"/> text (<c>val_loss</c>, …), in this order in the docs.
/// </summary>
public enum MonitorMetric
{
    /// <summary><c>val_loss</c>: unweighted loss on the validation split.</summary>
    ValLoss,

    /// <summary><c>val_accuracy</c>: validation accuracy at threshold 0.5.</summary>
    ValAccuracy,

    /// <summary><c>loss</c>: mean weighted training loss of the epoch.</summary>
    Loss,

    /// <summary><c>accuracy</c>: training accuracy during the epoch.</summary>
    Accuracy,

    /// <summary><c>val_roc_auc</c>: ROC AUC on the validation split (mode max); suits imbalanced data.</summary>
    ValRocAuc,

    /// <summary><c>val_pr_auc</c>: precision–recall AUC (average precision) on validation (mode max).</summary>
    ValPrAuc,

    /// <summary><c>val_weighted_loss</c>: validation loss with the training class weights (mode min).</summary>
    ValWeightedLoss,
}
