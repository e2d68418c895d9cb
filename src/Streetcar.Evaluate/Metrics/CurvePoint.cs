namespace Streetcar.Evaluate.Metrics;

/// <summary>
/// One point of a ROC curve (<see cref="X"/> false-positive rate, <see cref="Y"/> recall) or of a
/// precision–recall curve (<see cref="X"/> recall, <see cref="Y"/> precision), reached by predicting a delay
/// for every row scored ≥ <see cref="Threshold"/> (+∞: no row).
/// </summary>
public sealed record CurvePoint(double X, double Y, double Threshold);
