namespace Streetcar.Evaluate.Metrics;

/// <summary>
/// ROC and precision–recall curves of one set of scores, thinned to a few hundred points so that files
/// holding or drawing them stay small; the thinning depends on the points alone, so the same scores always
/// give the same curves.
/// </summary>
/// <param name="Roc">From (0, 0) at threshold +∞ to (1, 1) at the lowest score; empty when a class is absent.</param>
/// <param name="PrecisionRecall">From (recall 0, precision 1) at +∞ (scikit-learn's convention) to recall 1 at
/// the lowest score; empty when there is no positive.</param>
public sealed record ScoreCurves(IReadOnlyList<CurvePoint> Roc, IReadOnlyList<CurvePoint> PrecisionRecall)
{
    /// <summary>Default upper bound on the points kept per curve.</summary>
    public const int DefaultMaxPoints = 200;

    /// <summary>Both curves of <paramref name="scores"/> against <paramref name="labels"/>, each at most
    /// <paramref name="maxPoints"/> points (at least 2).</summary>
    public static ScoreCurves Compute(ReadOnlySpan<byte> labels, ReadOnlySpan<float> scores, int maxPoints = DefaultMaxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        foreach (var score in scores)
        {
            if (float.IsNaN(score))
            {
                throw new ArgumentException("a score is NaN", nameof(scores));
            }
        }
        var sweep = ScoreSweep.Run(labels, scores);
        double p = sweep.Positives, n = sweep.Negatives;
        var roc = new List<CurvePoint>();
        var pr = new List<CurvePoint>();
        if (p > 0 && n > 0)
        {
            roc.Add(new CurvePoint(0, 0, double.PositiveInfinity));
            roc.AddRange(sweep.Steps.Select(s => new CurvePoint(s.FalsePositives / n, s.TruePositives / p, s.Score)));
        }
        if (p > 0)
        {
            pr.Add(new CurvePoint(0, 1, double.PositiveInfinity));
            pr.AddRange(sweep.Steps.Select(s => new CurvePoint(s.TruePositives / p, (double)s.TruePositives / (s.TruePositives + s.FalsePositives), s.Score)));
        }
        return new ScoreCurves(Thin(roc, maxPoints), Thin(pr, maxPoints));
    }

    /// <summary>Trapezoidal area under <paramref name="points"/> (the ROC AUC of a ROC curve).</summary>
    public static double TrapezoidArea(IReadOnlyList<CurvePoint> points)
    {
        double area = 0;
        for (var i = 1; i < points.Count; i++)
        {
            area += (points[i].X - points[i - 1].X) * (points[i].Y + points[i - 1].Y) / 2;
        }
        return area;
    }

    /// <summary>Σ (Xₙ − Xₙ₋₁)·Yₙ: the average precision of a precision–recall curve (as <see cref="RankingMetrics.AveragePrecision"/>).</summary>
    public static double StepArea(IReadOnlyList<CurvePoint> points)
    {
        double area = 0;
        for (var i = 1; i < points.Count; i++)
        {
            area += (points[i].X - points[i - 1].X) * points[i].Y;
        }
        return area;
    }

    /// <summary>
    /// Keeps the first and last points and every point at least a step (L1 distance in the unit square) from
    /// the last kept one. A path of L1 length L keeps at most L / step + 2 points; the step starts at
    /// 2 / (<paramref name="maxPoints"/> − 2), enough for a ROC curve (length 2), and grows by a quarter until at
    /// most <paramref name="maxPoints"/> remain (a jagged precision–recall curve is longer). Where the curve
    /// moves fast, points stay dense.
    /// </summary>
    internal static IReadOnlyList<CurvePoint> Thin(IReadOnlyList<CurvePoint> points, int maxPoints)
    {
        if (points.Count <= maxPoints)
        {
            return points;
        }
        var step = 2.0 / Math.Max(maxPoints - 2, 1);
        while (true)
        {
            var kept = new List<CurvePoint> { points[0] };
            for (var i = 1; i < points.Count - 1; i++)
            {
                var last = kept[^1];
                if (Math.Abs(points[i].X - last.X) + Math.Abs(points[i].Y - last.Y) >= step)
                {
                    kept.Add(points[i]);
                }
            }
            kept.Add(points[^1]);
            if (kept.Count <= maxPoints)
            {
                return kept;
            }
            step *= 1.25;
        }
    }
}
