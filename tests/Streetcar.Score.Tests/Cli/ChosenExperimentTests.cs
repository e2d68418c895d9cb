using Streetcar.Cli;
using Streetcar.Cli.Scoring;
using Streetcar.Core.Json;
using Streetcar.Evaluate;
using Streetcar.Evaluate.Metrics;
using Streetcar.Report.Model;

namespace Streetcar.Score.Tests.Cli;

public sealed class ChosenExperimentTests
{
    [Fact]
    public void Choose_BestTestRecallAmongEarlyStoppingExperiments()
    {
        EvaluationResult[] evaluations = [Result("exp2", "final", 0.9), Result("exp3", "best", 0.6), Result("exp4", "best", 0.7), Result("exp5", "best", 0.65)];
        Assert.Equal("exp4", ChosenExperiment.Choose(evaluations));
    }

    [Fact]
    public void Choose_Tie_FirstName()
    {
        Assert.Equal("exp3", ChosenExperiment.Choose([Result("exp4", "best", 0.7), Result("exp3", "best", 0.7)]));
    }

    [Fact]
    public void Choose_NoEarlyStoppingEvaluation_Exp5()
    {
        Assert.Equal("exp5", ChosenExperiment.Choose([Result("exp0", "final", 0.0)]));
        Assert.Equal("exp5", ChosenExperiment.Choose([]));
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
                new("exp6-out-of-time", "h6", 10, Result("exp6-out-of-time", "best", 0.9), null) { TestPeriod = "from 2019-01-01" },
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

    private static EvaluationResult Result(string name, string chosen, double recall)
    {
        var confusion = new ConfusionMatrix(90, 0, 10, 0);
        var metrics = new ClassificationMetrics(0.5, confusion, 0.9, recall, 0.5, 0.5, 0.8, 0.1);
        return new EvaluationResult(name, chosen, metrics, 0.9, 0.9);
    }
}
