using Streetcar.Core.Randomness;
using Streetcar.Evaluate.Metrics;
using Streetcar.Report.Model;
using Streetcar.Report.Plots;

namespace Streetcar.Report.Tests;

public sealed class CurvePlotsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("curve-plots").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    [Fact]
    public void WriteExperiment_TwiceFromTheSameData_GivesByteIdenticalSmallSvgs_WithTheAucInTheLegend()
    {
        var series = Series("exp3", 3);

        var a = CurvePlots.WriteExperiment(series, Path.Combine(_root, "a"));
        var b = CurvePlots.WriteExperiment(series, Path.Combine(_root, "b"));

        Assert.Equal(["exp3-roc.svg", "exp3-pr.svg"], a.Select(Path.GetFileName));
        for (var i = 0; i < a.Count; i++)
        {
            Assert.Equal(File.ReadAllBytes(a[i]), File.ReadAllBytes(b[i]));
            Assert.InRange(new FileInfo(a[i]).Length, 1_000, 100_000);
        }
        Assert.Contains($"ROC AUC {series.RocAuc:0.000}", File.ReadAllText(a[0]));
        Assert.Contains($"PR AUC {series.PrAuc:0.000}", File.ReadAllText(a[1]));
        Assert.Contains("threshold 0.500: recall", File.ReadAllText(a[0]));
    }

    [Fact]
    public void WriteOverlay_NamesEveryExperimentWithItsAuc_AndIsByteStable()
    {
        CurveSeries[] all = [Series("exp1", 1), Series("exp2", 2), Series("gbm", 5)];

        var a = CurvePlots.WriteOverlay(all, Path.Combine(_root, "a"));
        var b = CurvePlots.WriteOverlay(all, Path.Combine(_root, "b"));

        Assert.Equal(["_all-roc.svg", "_all-pr.svg"], a.Select(Path.GetFileName));
        Assert.Equal(File.ReadAllBytes(a[0]), File.ReadAllBytes(b[0]));
        Assert.Equal(File.ReadAllBytes(a[1]), File.ReadAllBytes(b[1]));
        var roc = File.ReadAllText(a[0]);
        var pr = File.ReadAllText(a[1]);
        foreach (var s in all)
        {
            Assert.Contains($"{s.Experiment} (AUC {s.RocAuc:0.000})", roc);
            Assert.Contains($"{s.Experiment} (PR AUC {s.PrAuc:0.000})", pr);
        }
    }

    [Fact]
    public void WriteExperiment_DifferentScores_GiveDifferentSvgs()
    {
        var a = CurvePlots.WriteExperiment(Series("exp3", 3), Path.Combine(_root, "a"));
        var b = CurvePlots.WriteExperiment(Series("exp3", 4), Path.Combine(_root, "b"));

        Assert.NotEqual(File.ReadAllBytes(a[0]), File.ReadAllBytes(b[0]));
    }

    [Fact]
    public void WriteExperiment_NoPositiveInTheTestSplit_WritesNothing()
    {
        var empty = new CurveSeries("exp0", ScoreCurves.Compute([0, 0], [0.1f, 0.2f]), double.NaN, double.NaN);

        Assert.Empty(CurvePlots.WriteExperiment(empty, _root));
        Assert.Empty(CurvePlots.WriteOverlay([empty], _root));
    }

    /// <summary>Seeded scores of 20,000 rows (5 % positive), their curves, AUCs and the matrix at 0.5.</summary>
    private static CurveSeries Series(string name, ulong seed)
    {
        var random = new SplitMix64(seed);
        var labels = new byte[20_000];
        var scores = new float[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = (byte)(random.NextDouble() < 0.05 ? 1 : 0);
            scores[i] = (float)Math.Clamp((labels[i] * 0.1 * seed) + random.NextDouble() * 0.7, 0, 1);
        }
        return new CurveSeries(name, ScoreCurves.Compute(labels, scores), RankingMetrics.RocAuc(labels, scores),
            RankingMetrics.AveragePrecision(labels, scores), ConfusionMatrix.FromProbabilities(labels, scores, 0.5), 0.5);
    }
}
