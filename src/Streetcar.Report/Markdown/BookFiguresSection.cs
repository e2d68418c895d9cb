using System.Text;
using Streetcar.Report.Model;
using Streetcar.Report.Statistics;

namespace Streetcar.Report.Markdown;

/// <summary>
/// The book's recorded figures beside ours: the data counts the repository records from the book (with the file that
/// records each), and the chapter's experiment results, which it does not record.
/// </summary>
public static class BookFiguresSection
{
    /// <summary>Where the book's per-year records after cleaning are recorded.</summary>
    public const string CleanRowsSource = "src/Streetcar.Prepare/Clean/VehicleRule.cs (the book's published figures, with vehicles 4000–4005)";

    /// <summary>Where the book's distinct-location count is recorded.</summary>
    public const string LocationsSource = "src/Streetcar.Prepare/Clean/LocationRule.cs and src/Streetcar.Prepare/README.md";

    /// <summary>The book's records after cleaning for the years the repository records.</summary>
    public static IReadOnlyDictionary<int, int> BookCleanRows { get; } = new Dictionary<int, int> { [2014] = 9_371, [2015] = 10_898, [2017] = 9_891 };

    /// <summary>The book's distinct locations after its location rule.</summary>
    public const int BookLocations = 10_862;

    public static IReadOnlyList<BookFigure> Figures(ReportInput input, ReportStatistics statistics)
    {
        var figures = new List<BookFigure>();
        foreach (var (year, book) in BookCleanRows)
        {
            var ours = input.Data.CleanRowsByYear.TryGetValue(year, out var n) ? Format.Count(n) : "not in this run's data";
            figures.Add(new BookFigure($"Records after cleaning, {year}", Format.Count(book), CleanRowsSource, ours));
        }
        figures.Add(new BookFigure("Distinct locations after the location rule", Format.Count(BookLocations), LocationsSource,
            input.Data.DistinctLocations is { } locations ? Format.Count(locations) : "not known"));
        foreach (var e in statistics.Experiments.Where(e => e.Name is "exp0" or "exp1" or "exp2" or "exp3" or "exp4" or "exp5"))
        {
            var accuracy = e.Summary(RepeatMetric.TestAccuracy);
            var recall = e.Summary(RepeatMetric.Recall);
            var ours = accuracy is null || recall is null ? "failed"
                : $"test accuracy {StatisticsFormat.Number(accuracy.Mean, 4)}, recall {StatisticsFormat.Number(recall.Mean, 4)} (mean{(e.Repeats.Count == 1 ? " of 1 repeat" : $"s over {e.Repeats.Count} repeats")})";
            figures.Add(new BookFigure($"{e.Name}: test results", null, "the repository records none of the chapter's experiment results", ours));
        }
        return figures;
    }

    public static void Render(StringBuilder md, ReportInput input, ReportStatistics statistics)
    {
        md.Append("## The book's figures beside ours\n\n");
        md.Append("The book: *Deep Learning with Structured Data* (Mark Ryan, Manning 2020), chapter 6. A figure appears here only where ");
        md.Append("this repository records it, with the file that does; \"not recorded\" means the repository has no such figure of the ");
        md.Append("book, and none is invented.\n\n");
        md.Append("| Figure | Book | Where the book's figure is recorded | Ours |\n|---|---:|---|---|\n");
        foreach (var f in Figures(input, statistics))
        {
            md.Append($"| {Format.Cell(f.What)} | {Format.Cell(f.Book ?? "not recorded")} | {Format.Cell(f.Source)} | {Format.Cell(f.Ours)} |\n");
        }
        md.Append('\n');
    }
}
