using Streetcar.Evaluate;
using Streetcar.Evaluate.Metrics;
using Streetcar.Report.Model;

namespace Streetcar.Report.Tests;

/// <summary>A fixed, hand-made report input: two experiments (one failed) and a scoring check.</summary>
internal static class SampleReport
{
    public static ReportInput Input()
    {
        var data = new DataFacts(
            [new WorkbookPin("ttc-streetcar-delay-data-2014.xlsx", new string('a', 64))],
            "book", 76_891, 60_754, 2_944_704, 2_952_559, 59_271, 2_893_288, 1_889_637, 472_410, 590_512,
            [new QualityNote("duplicate route/direction pairs in the table", 1)]);
        var confusion = new ConfusionMatrix(TrueNegatives: 900, FalsePositives: 50, FalseNegatives: 10, TruePositives: 40);
        var metrics = new ClassificationMetrics(0.5, confusion, confusion.Accuracy, confusion.Recall, confusion.Precision, confusion.F1, 0.91, 0.42);
        EpochPoint[] history =
        [
            new(1, 0.9, 0.60, 0.8, 0.65),
            new(2, 0.7, 0.70, 0.75, 0.72),
            new(3, 0.6, 0.74, 0.78, 0.70),
        ];
        var ok = new ExperimentOutcome("exp4", "weighted, early stopping on val_loss (min)", "0123456789ab", 3, 50, "best", 2, history,
            new EvaluationResult("exp4", "best", metrics, 0.73, 0.72), null);
        var failed = ExperimentOutcome.Failed("exp9", "50 epochs", "ba9876543210", 50, "loss became NaN at epoch 3");
        return new ReportInput(data, [ok, failed], [new SanityTrip("route 501 eastbound, weekday 08:00", "exp4", 0.6123, true)]);
    }
}
