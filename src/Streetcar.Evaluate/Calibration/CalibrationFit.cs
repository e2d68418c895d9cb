namespace Streetcar.Evaluate.Calibration;

/// <summary>Fits each <see cref="Calibrator"/> method on labelled raw scores. Pure and deterministic.</summary>
public static class CalibrationFit
{
    /// <summary>Prior correction for class weights (<paramref name="zeroWeight"/>, <paramref name="oneWeight"/>): weighting
    /// delays w₁/w₀ times multiplies the odds the model learns by w₁/w₀, so the correction divides them back.</summary>
    public static Calibrator Prior(double zeroWeight, double oneWeight) => new(Calibrator.Prior, [zeroWeight / oneWeight], [], []);

    /// <summary>Platt scaling by Newton's method on the log likelihood, each step halved until the objective improves
    /// (hard_sigmoid scores pile up at 0 and 1, logits ±16, where a full Newton step overshoots), with a tiny ridge
    /// (1e-6) so that separable scores still converge to finite parameters.</summary>
    public static Calibrator Platt(ReadOnlySpan<byte> labels, ReadOnlySpan<float> scores)
    {
        // Rows grouped by distinct score: the likelihood only depends on (logit, positives, count).
        var groups = Groups(labels, scores);
        var x = new double[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            var s = Math.Clamp(groups[g].Score, Calibrator.Epsilon, 1 - Calibrator.Epsilon);
            x[g] = Math.Log(s / (1 - s));
        }
        const double Ridge = 1e-6;
        double Objective(double a, double b)
        {
            var sum = 0.5 * Ridge * ((a * a) + (b * b));
            for (var g = 0; g < groups.Count; g++)
            {
                var z = (a * x[g]) + b;
                // −log σ(z) = softplus(−z), −log(1 − σ(z)) = softplus(z), computed without overflow.
                sum += (groups[g].Positives * Softplus(-z)) + ((groups[g].Count - groups[g].Positives) * Softplus(z));
            }
            return sum;
        }
        double a = 1, b = 0;
        var current = Objective(a, b);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double ga = Ridge * a, gb = Ridge * b, haa = Ridge, hab = 0, hbb = Ridge;
            for (var g = 0; g < groups.Count; g++)
            {
                var p = 1 / (1 + Math.Exp(-((a * x[g]) + b)));
                var residual = (groups[g].Count * p) - groups[g].Positives;
                var curvature = groups[g].Count * p * (1 - p);
                ga += residual * x[g];
                gb += residual;
                haa += curvature * x[g] * x[g];
                hab += curvature * x[g];
                hbb += curvature;
            }
            var det = (haa * hbb) - (hab * hab);
            if (!(det > 0))
            {
                break;
            }
            var da = ((hbb * ga) - (hab * gb)) / det;
            var db = ((haa * gb) - (hab * ga)) / det;
            var step = 1.0;
            var next = Objective(a - da, b - db);
            for (var halving = 0; halving < 40 && !(next <= current); halving++)
            {
                step /= 2;
                next = Objective(a - (step * da), b - (step * db));
            }
            if (!(next <= current))
            {
                break;
            }
            a -= step * da;
            b -= step * db;
            var improvement = current - next;
            current = next;
            if (improvement <= 1e-12 * Math.Max(1, current))
            {
                break;
            }
        }
        return new Calibrator(Calibrator.Platt, [a, b], [], []);
    }

    private static double Softplus(double z) => z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));

    /// <summary>Isotonic regression by pool adjacent violators over the distinct scores, ascending.</summary>
    public static Calibrator Isotonic(ReadOnlySpan<byte> labels, ReadOnlySpan<float> scores)
    {
        var groups = Groups(labels, scores);
        var starts = new List<double>();
        var positives = new List<double>();
        var counts = new List<double>();
        foreach (var group in groups)
        {
            starts.Add(group.Score);
            positives.Add(group.Positives);
            counts.Add(group.Count);
            // Merge back while the last block's rate is below the one before it.
            while (counts.Count > 1 && positives[^1] * counts[^2] <= positives[^2] * counts[^1])
            {
                positives[^2] += positives[^1];
                counts[^2] += counts[^1];
                starts.RemoveAt(starts.Count - 1);
                positives.RemoveAt(positives.Count - 1);
                counts.RemoveAt(counts.Count - 1);
            }
        }
        var rates = positives.Select((p, i) => p / counts[i]).ToArray();
        return new Calibrator(Calibrator.Isotonic, [], starts, rates);
    }

    /// <summary>Rows per distinct score, ascending by score.</summary>
    internal static List<(double Score, long Positives, long Count)> Groups(ReadOnlySpan<byte> labels, ReadOnlySpan<float> scores)
    {
        if (labels.Length != scores.Length)
        {
            throw new ArgumentException($"{labels.Length} labels but {scores.Length} scores");
        }
        var keys = scores.ToArray();
        var order = labels.ToArray();
        Array.Sort(keys, order);
        var groups = new List<(double, long, long)>();
        for (var i = 0; i < keys.Length;)
        {
            var j = i;
            long ones = 0;
            while (j < keys.Length && keys[j] == keys[i])
            {
                ones += order[j];
                j++;
            }
            groups.Add((keys[i], ones, j - i));
            i = j;
        }
        return groups;
    }
}
