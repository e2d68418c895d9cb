using Streetcar.Report.Statistics;

namespace Streetcar.Report.Tests.Statistics;

/// <summary>Builds experiments over repeats for the tests: the given recalls, repeat indices 0, 1, ... unless given.</summary>
internal static class Repeats
{
    public static RepeatedExperiment Recalls(string name, params double[] recalls) =>
        new(name, [.. recalls.Select((r, i) => Scores(i, r))]);

    public static RepeatedExperiment Indexed(string name, params (int Repeat, double Recall)[] repeats) =>
        new(name, [.. repeats.Select(r => Scores(r.Repeat, r.Recall))]);

    /// <summary>One repeat whose other metrics are fixed functions of its recall, so every column has a value.</summary>
    public static RepeatScores Scores(int repeat, double recall) =>
        new(repeat, TestAccuracy: 0.9 - recall / 10, Recall: recall, Precision: 0.2, RocAuc: 0.8, PrAuc: 0.3, EpochsRun: 10 + repeat);
}
