using Streetcar.Evaluate.Metrics;

namespace Streetcar.Report.Plots;

/// <summary>
/// What a precision–recall plot draws: the achievable interpolation (Davis and Goadrich 2006, "The relationship
/// between precision-recall and ROC curves") between the curve's recorded thresholds, not straight lines.
/// </summary>
/// <remarks>
/// Between two thresholds A and B, flagging all of A's rows plus a random share of the rows B adds moves the true and
/// false positives linearly from A's to B's (a straight line in ROC space); precision TP / (TP + FP) then follows a
/// curve, below the straight line in PR space wherever precision changes. That curve is what a planner can
/// actually get between the two thresholds; a straight PR line promises more. Chosen over steps because the curve
/// points Evaluate saves are thinned: a step would show a corner no threshold reaches. The point (recall 0,
/// precision 1) at threshold +∞ (scikit-learn's convention: no row flagged, precision undefined) is dropped, so the
/// curve starts at the highest threshold a model has: a model with two score values is two points and the
/// interpolation between them. Recall and precision alone fix the path: TP = recall·P and FP = TP·(1/precision − 1),
/// and P cancels.
/// </remarks>
public static class AchievablePrCurve
{
    /// <summary>Points inserted between two recorded ones, enough for a smooth line in a 520-pixel plot.</summary>
    public const int Steps = 16;

    public static IReadOnlyList<(double Recall, double Precision)> Of(IReadOnlyList<CurvePoint> points)
    {
        var real = points.Where(p => !double.IsPositiveInfinity(p.Threshold)).ToArray();
        var path = new List<(double Recall, double Precision)>();
        for (var i = 0; i < real.Length; i++)
        {
            if (i > 0)
            {
                var (tp0, fp0) = Counts(real[i - 1]);
                var (tp1, fp1) = Counts(real[i]);
                for (var k = 1; k < Steps; k++)
                {
                    var share = (double)k / Steps;
                    var tp = tp0 + share * (tp1 - tp0);
                    var fp = fp0 + share * (fp1 - fp0);
                    path.Add((tp, tp + fp > 0 ? tp / (tp + fp) : real[i].Y));
                }
            }
            path.Add((real[i].X, real[i].Y));
        }
        return path;
    }

    /// <summary>True and false positives per positive row (P = 1) at one point.</summary>
    private static (double Tp, double Fp) Counts(CurvePoint p) => (p.X, p.Y > 0 ? p.X * (1 / p.Y - 1) : 0);
}
