using Streetcar.Evaluate;
using Streetcar.Evaluate.Metrics;
using Streetcar.Report.Model;

namespace Streetcar.Report.Tests;

/// <summary>
/// A hand-made report input over repeats: three experiments of three repeats each on a 1,000-row test set with 50
/// delays. exp2 catches 10 more delays than exp1 in every repeat (give or take one); exp3 only moves by noise.
/// </summary>
internal static class RepeatedSample
{
    public const int Delays = 50;

    /// <summary>Delays caught by each repeat of each experiment.</summary>
    public static readonly IReadOnlyDictionary<string, int[]> Caught = new Dictionary<string, int[]>
    {
        ["exp1"] = [20, 24, 22],
        ["exp2"] = [30, 35, 32],
        ["exp3"] = [31, 33, 34],
    };

    public static ReportInput Input()
    {
        var sample = SampleReport.Input();
        return sample with { Experiments = [.. Caught.Keys.Order(StringComparer.Ordinal).Select(Outcome)] };
    }

    public static ExperimentOutcome Outcome(string name)
    {
        var repeats = Caught[name].Select((tp, i) => Repeat(name, i + 1, tp)).ToArray();
        // Serving: the median validation loss, which Repeat makes the middle repeat.
        var serving = repeats[1];
        return new ExperimentOutcome(name, "weighted", "0123456789ab", serving.EpochsRun, 50, "best", serving.ChosenEpoch,
            [new EpochPoint(1, 0.9, 0.6, 0.8, 0.65), new EpochPoint(2, 0.7, 0.7, 0.75, 0.72)], serving.Evaluation, null)
        {
            Repeats = repeats,
            ServingRepeat = serving.Repeat,
        };
    }

    private static RepeatOutcome Repeat(string name, int repeat, int caught)
    {
        var c = new ConfusionMatrix(TrueNegatives: 900, FalsePositives: 50, FalseNegatives: Delays - caught, TruePositives: caught);
        var test = new ClassificationMetrics(0.5, c, c.Accuracy, c.Recall, c.Precision, c.F1, 0.8 + caught / 1000.0, 0.3 + caught / 1000.0);
        return new RepeatOutcome(repeat, 42 + repeat, 42 + repeat, 42, 10 + repeat, 8 + repeat, repeat == 2 ? 0.5 : 0.5 + repeat / 100.0,
            new EvaluationResult(name, "best", test, 0.9, 0.9));
    }
}
