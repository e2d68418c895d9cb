namespace Streetcar.Boosting;

/// <summary>
/// Facts of a boosting fit, saved beside the model (<see cref="BoostingModelFolderLayout.Info"/>). Nothing
/// machine- or time-dependent, so the file is a deterministic function of the data and the options.
/// </summary>
/// <param name="Trainer">Always "lightgbm" (ML.NET's LightGBM binary trainer).</param>
/// <param name="MlNetVersion">Version of the Microsoft.ML.LightGbm package that fitted it (e.g. 5.0.1).</param>
/// <param name="Columns">The feature columns, in order, each a categorical feature of LightGBM.</param>
/// <param name="TrainRows">Rows of the training split.</param>
/// <param name="TrainPositives">Rows whose label is 1.</param>
/// <param name="PositiveWeight">Weight of a positive row (negatives weigh 1): 1 with weighting none.</param>
/// <param name="Trees">Trees in the ensemble (fewer than the iterations when boosting stopped early).</param>
/// <param name="Splits">Split nodes over all trees.</param>
/// <param name="CategoricalSplits">Of those, splits on a set of a column's values (LightGBM categorical splits).</param>
public sealed record BoostingInfo(
    string Trainer,
    string MlNetVersion,
    IReadOnlyList<string> Columns,
    int TrainRows,
    int TrainPositives,
    double PositiveWeight,
    int Trees,
    int Splits,
    int CategoricalSplits);
