using Streetcar.Cli;
using Streetcar.Cli.Scoring;
using Streetcar.Core.Config;
using Streetcar.Core.Json;
using Streetcar.Evaluate;
using Streetcar.Evaluate.Metrics;
using Streetcar.Report.Model;

namespace Streetcar.Score.Tests.Cli;

public sealed class ChosenExperimentTests
{
    [Fact]
    public void Choose_BestValidationMeanOverRepeats_NotTheBestTestFigure()
    {
        // exp4's test PR AUC is the best, but exp3's validation mean is: the choice is made on validation.
        (string, IReadOnlyList<EvaluationResult>)[] experiments =
        [
            ("exp3", [Result("exp3", "best", 0.6, validPrAuc: 0.30), Result("exp3", "best", 0.6, validPrAuc: 0.20)]),
            ("exp4", [Result("exp4", "best", 0.7, validPrAuc: 0.40, testPrAuc: 0.9), Result("exp4", "best", 0.7, validPrAuc: 0.05, testPrAuc: 0.9)]),
        ];

        Assert.Equal("exp3", ChosenExperiment.Choose(experiments, PrimaryMetric.PrAuc));
    }

    [Fact]
    public void Choose_Tie_FirstName()
    {
        Assert.Equal("exp3", ChosenExperiment.Choose([("exp4", [Result("exp4", "best", 0.7)]), ("exp3", [Result("exp3", "best", 0.7)])], PrimaryMetric.PrAuc));
    }

    [Fact]
    public void Choose_NoValidationFigure_Exp5()
    {
        var old = new EvaluationResult("exp0", "final", Result("exp0", "final", 0).Test, 0.9, 0.9);
        Assert.Equal("exp5", ChosenExperiment.Choose([("exp0", [old])], PrimaryMetric.PrAuc));
        Assert.Equal("exp5", ChosenExperiment.Choose([], PrimaryMetric.PrAuc));
    }

    [Fact]
    public void FromResults_AnOutOfTimeExperiment_DoesNotCompete_ItsRecallIsOnAnotherTestPeriod()
    {
        var root = Directory.CreateTempSubdirectory("chosen").FullName;
        try
        {
            var workspace = new Workspace(root);
            Directory.CreateDirectory(workspace.Results);
            List<ExperimentMetrics> metrics =
            [
                new("exp4", "h4", 10, Result("exp4", "best", 0.7), null),
                new("exp6-out-of-time", "h6", 10, Result("exp6-out-of-time", "best", 0.9, validPrAuc: 0.9), null) { TestPeriod = "from 2019-01-01" },
            ];
            StableJson.Write(workspace.Metrics, metrics);

            Assert.Equal("exp4", ChosenExperiment.FromResults(workspace));
            Assert.Equal("from 2019-01-01", StableJson.Read<List<ExperimentMetrics>>(workspace.Metrics)[1].TestPeriod);
            Assert.DoesNotContain("test_period\": null", File.ReadAllText(workspace.Metrics), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static EvaluationResult Result(string name, string chosen, double recall, double validPrAuc = 0.2, double testPrAuc = 0.1)
    {
        var confusion = new ConfusionMatrix(90, 0, 10, 0);
        var metrics = new ClassificationMetrics(0.5, confusion, 0.9, recall, 0.5, 0.5, 0.8, testPrAuc);
        return new EvaluationResult(name, chosen, metrics, 0.9, 0.9) { Valid = metrics with { PrAuc = validPrAuc } };
    }
}
