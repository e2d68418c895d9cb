namespace Streetcar.Train.Training;

/// <summary>The loop's settings, taken from the experiment config.</summary>
/// <param name="Experiment">Name for display.</param>
/// <param name="Epochs">Maximum epochs.</param>
/// <param name="BatchSize">Rows per SGD step.</param>
/// <param name="LearningRate">Plain SGD step size.</param>
/// <param name="ShuffleSeed">Seed of the per-epoch shuffles.</param>
/// <param name="ZeroWeight">Class weight of label 0, for the validation pass's weighted loss.</param>
/// <param name="OneWeight">Class weight of label 1, for the validation pass's weighted loss.</param>
public sealed record TrainingOptions(string Experiment, int Epochs, int BatchSize, double LearningRate, ulong ShuffleSeed, double ZeroWeight, double OneWeight);
