namespace Streetcar.Report.Statistics;

/// <summary>The metrics summarised over repeats (the report's table columns, in order).</summary>
public enum RepeatMetric
{
    TestAccuracy,
    Recall,
    Precision,
    RocAuc,
    PrAuc,
    EpochsRun,
}
