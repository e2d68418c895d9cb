using Streetcar.Evaluate;

namespace Streetcar.Report.Model;

/// <summary>One repeat of an experiment: its seeds, how it trained, and its metrics.</summary>
/// <param name="Repeat">1-based repeat number.</param>
/// <param name="TorchSeed">Seed of the weight initialisation and dropout.</param>
/// <param name="ShuffleSeed">Seed of the epoch shuffles.</param>
/// <param name="SplitSeed">Seed of the split it was scored on.</param>
/// <param name="EpochsRun">Epochs it ran.</param>
/// <param name="ChosenEpoch">Epoch whose weights it kept.</param>
/// <param name="ValidLoss">Validation loss (unweighted) of the kept weights.</param>
/// <param name="Evaluation">Its metrics (its validation ROC AUC picks the serving repeat).</param>
public sealed record RepeatOutcome(int Repeat, long TorchSeed, long ShuffleSeed, long SplitSeed, int EpochsRun, int ChosenEpoch, double ValidLoss, EvaluationResult Evaluation);
