namespace Streetcar.Evaluate.Calibration;

/// <summary>How well one calibration method did on validation, cross-fitted (fitted on one half of the rows,
/// scored on the other, both ways) so that a flexible method cannot win by memorising the rows it is judged on.</summary>
public sealed record CalibrationCandidate(string Method, double ValidBrier, double ValidLogLoss);
