using Streetcar.Evaluate.Calibration;
using Streetcar.Report.Markdown;
using Streetcar.Report.Plots;
using Streetcar.Report.Statistics;

namespace Streetcar.Report.Tests;

public sealed class ReliabilityPlotTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("reliability").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    [Fact]
    public void Write_DrawsTheBins_WithBothBrierScores_ByteStable()
    {
        ReliabilityBin[] bins = [new(0.005, 0.004, 1000), new(0.02, 0.025, 1000), new(0.11, 0.09, 1000)];
        var calibration = new CalibrationResult(CalibrationFit.Prior(1, 48.8), [], 0.3, 0.02, 0.31, 0.0199, 0, 0, 0, 0, bins);

        var a = ReliabilityPlot.Write("exp7", calibration, Path.Combine(_root, "a"))!;
        var b = ReliabilityPlot.Write("exp7", calibration, Path.Combine(_root, "b"))!;

        Assert.Equal(Path.Combine(_root, "a", "plots", "exp7-reliability.svg"), a);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.Contains("test Brier 0.0199 (raw 0.3100)", File.ReadAllText(a));
        Assert.Null(ReliabilityPlot.Write("exp7", calibration with { TestReliability = [] }, _root));
    }

    [Fact]
    public void Verdict_HoldsReversedMixedOrNotShown_FromTheSignificantDifferences()
    {
        PairedComparison Make(double difference, bool significant) =>
            new(RepeatMetric.Recall, new ExperimentPair("a", "b"), 5, difference, new Interval(-1, 1, 0.95), 0.01, 0.01, null, 0.05, significant, "");

        Assert.Equal("holds", DecisionSection.Verdict([Make(0.2, true), Make(-0.01, false)]));
        Assert.Equal("reversed", DecisionSection.Verdict([Make(-0.2, true)]));
        Assert.Equal("mixed", DecisionSection.Verdict([Make(0.2, true), Make(-0.1, true)]));
        Assert.Equal("not shown", DecisionSection.Verdict([Make(0.6, false)]));
    }
}
