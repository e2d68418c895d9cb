using System.Text;
using Streetcar.Report.Statistics;

namespace Streetcar.Report.Markdown;

/// <summary>The "differences" section: one quotable sentence per compared pair and metric, in the order given.</summary>
public static class DifferencesSection
{
    public static string Render(IReadOnlyList<PairedComparison> comparisons)
    {
        var md = new StringBuilder();
        md.Append("## Differences\n\n");
        if (comparisons.Count == 0)
        {
            md.Append("No pair of experiments was compared.\n\n");
            return md.ToString();
        }
        var alpha = StatisticsFormat.Alpha(comparisons[0].Alpha);
        md.Append("Each difference is candidate − baseline, repeat by repeat (the same repeat of two experiments is scored on ");
        md.Append("the same test rows with paired seeds), averaged over the repeats both have. The paired t-test decides; its ");
        md.Append($"p-values are Holm-corrected across the pairs compared on each metric, and \"significant\" means a Holm-adjusted p below {alpha}. ");
        md.Append("The exact Wilcoxon signed-rank p is a check that does not assume normally distributed differences.\n\n");
        foreach (var c in comparisons)
        {
            md.Append($"- {c.Sentence}\n");
        }
        md.Append('\n');
        return md.ToString();
    }
}
