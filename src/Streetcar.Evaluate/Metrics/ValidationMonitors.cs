using Streetcar.Core.Config;

namespace Streetcar.Evaluate.Metrics;

/// <summary>
/// Early-stopping and best-checkpoint monitors computed from the validation split's labels and P(delay)
/// scores, for imbalanced data (with 2 % delays, <c>val_accuracy</c> rewards predicting "no delay"). Pure, so
/// the training loop only copies the validation probabilities out and calls <see cref="Value"/>.
/// </summary>
public static class ValidationMonitors
{
    /// <summary>ROC AUC on validation (<see cref="RankingMetrics.RocAuc"/>); higher is better.</summary>
    public const string RocAuc = "val_roc_auc";

    /// <summary>PR AUC (average precision) on validation (<see cref="RankingMetrics.AveragePrecision"/>); higher is better.</summary>
    public const string PrAuc = "val_pr_auc";

    /// <summary>Validation loss with the training class weights (<see cref="WeightedLogLoss"/>); lower is better.</summary>
    public const string WeightedLoss = "val_weighted_loss";

    /// <summary>The monitors defined here, in this order.</summary>
    public static IReadOnlyList<string> Names { get; } = [RocAuc, PrAuc, WeightedLoss];

    /// <summary>Whether <paramref name="name"/> is one of <see cref="Names"/>.</summary>
    public static bool IsDefined(string name) => Names.Contains(name);

    /// <summary>The direction of improvement of <paramref name="name"/>: "max" or "min" (the values
    /// <c>early_stopping.mode</c> takes), so a config can default the mode or reject the wrong one.</summary>
    public static string Mode(string name) => name switch
    {
        RocAuc or PrAuc => "max",
        WeightedLoss => "min",
        _ => throw new ArgumentException($"unknown monitor '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
    };

    /// <summary>
    /// The value of monitor <paramref name="name"/>. NaN when any score is NaN (a diverging model), and for the
    /// AUCs when the split lacks a class: a NaN is never an improvement, in either mode.
    /// <paramref name="zeroWeight"/> and <paramref name="oneWeight"/> are the class weights; only
    /// <see cref="WeightedLoss"/> reads them, and <paramref name="activation"/> (which loss Keras computes).
    /// </summary>
    public static double Value(string name, ReadOnlySpan<byte> labels, ReadOnlySpan<float> scores, double zeroWeight = 1, double oneWeight = 1,
        Activation activation = Activation.HardSigmoid)
    {
        _ = Mode(name); // an unknown name fails here, before the NaN shortcut below
        if (labels.Length != scores.Length)
        {
            throw new ArgumentException($"{labels.Length} labels but {scores.Length} scores");
        }
        foreach (var score in scores)
        {
            if (float.IsNaN(score))
            {
                return double.NaN;
            }
        }
        return name switch
        {
            RocAuc => RankingMetrics.RocAuc(labels, scores),
            PrAuc => RankingMetrics.AveragePrecision(labels, scores),
            _ => WeightedLogLoss.Compute(labels, scores, zeroWeight, oneWeight, activation),
        };
    }
}
