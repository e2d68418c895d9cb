namespace Streetcar.Cli.Tests.Fixtures;

/// <summary>
/// The small real slice every test runs: the 2014 workbook, four routes, two epochs, two experiments. Built from
/// the repository's own config files so the slice follows them.
/// </summary>
public static class SliceFiles
{
    public const string Workbook = "ttc-streetcar-delay-data-2014.xlsx";

    /// <summary>data/prepare.yml: the book's settings, 2014 only, routes 501, 504, 505 and 506.</summary>
    public const string PrepareYaml = """
        start_date: 2014-01-01
        end_date: 2014-12-31
        mode: book
        delay_threshold: 0
        drop_bad_rows: true
        route_directions:
          - { route: "501", direction: e }
          - { route: "501", direction: w }
          - { route: "501", direction: b }
          - { route: "504", direction: e }
          - { route: "504", direction: w }
          - { route: "504", direction: n }
          - { route: "504", direction: s }
          - { route: "504", direction: b }
          - { route: "505", direction: e }
          - { route: "505", direction: w }
          - { route: "505", direction: n }
          - { route: "505", direction: s }
          - { route: "505", direction: b }
          - { route: "506", direction: e }
          - { route: "506", direction: w }
          - { route: "506", direction: n }
          - { route: "506", direction: s }
          - { route: "506", direction: b }

        """;

    /// <summary>Unweighted, no early stopping.</summary>
    public const string ExperimentA = """
        base: _base.yml
        description: Unweighted, no early stopping.

        """;

    /// <summary>Weighted, early stopping on validation loss with patience 1; two repeats.</summary>
    public const string ExperimentB = """
        base: _base.yml
        description: Weighted, early stopping on validation loss.
        repeats: 2
        weighting: balanced
        early_stopping:
          enabled: true
          monitor: val_loss
          mode: min
          patience: 1

        """;

    /// <summary>
    /// The repository's experiments/_base.yml with 2 epochs instead of the book's 50 and one repeat instead of 5
    /// (experiment b asks for two, so that the slice covers repeats and their aggregation).
    /// </summary>
    public static string BaseYaml()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "experiments", "_base.yml"));
        return Replace(Replace(text, "\nepochs: 50 ", "\nepochs: 2  "), "\nrepeats: 5 ", "\nrepeats: 1 ");
    }

    private static string Replace(string text, string what, string by) =>
        text.Contains(what, StringComparison.Ordinal)
            ? text.Replace(what, by, StringComparison.Ordinal)
            : throw new InvalidOperationException($"experiments/_base.yml no longer says '{what.Trim()}'; update the slice");

    /// <summary>The line of the repository's data/workbooks.sha256 that pins the 2014 workbook.</summary>
    public static string ManifestLine() =>
        File.ReadAllLines(Path.Combine(RepoPaths.Root, "data", "workbooks.sha256"))
            .Single(l => l.EndsWith("  " + Workbook, StringComparison.Ordinal));
}
