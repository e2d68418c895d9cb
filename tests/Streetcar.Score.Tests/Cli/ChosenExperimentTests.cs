using Streetcar.Cli.Scoring;
using Streetcar.Evaluate;
using Streetcar.Evaluate.Metrics;

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

    private static EvaluationResult Result(string name, string chosen, double recall)
    {
        var confusion = new ConfusionMatrix(90, 0, 10, 0);
        var metrics = new ClassificationMetrics(0.5, confusion, 0.9, recall, 0.5, 0.5, 0.8, 0.1);
        return new EvaluationResult(name, chosen, metrics, 0.9, 0.9);
    }
}
