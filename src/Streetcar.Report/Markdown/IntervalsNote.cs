using System.Text;
using Streetcar.Report.Statistics;

namespace Streetcar.Report.Markdown;

/// <summary>
/// The paragraph that says what the intervals do and do not show: seed noise, not test-set noise (with one model's
/// Wilson interval for scale), and that "not significant" is not "equal".
/// </summary>
public static class IntervalsNote
{
    public static string Render(TestSetInterval? example, double level = 0.95)
    {
        var percent = Levels.Percent(level);
        var md = new StringBuilder();
        md.Append("**What the intervals show.** The interval beside each mean measures seed noise: it is where, at ");
        md.Append($"{percent} confidence, the mean over many more seeds would lie, with the config, the data and the test rows held ");
        md.Append("fixed (Student t, so few repeats give wide intervals). It leaves out test-set noise: every repeat is scored on ");
        md.Append("the same test rows, and another sample of rows would move every figure again.");
        if (example is { Estimate.Interval: { } ci } e)
        {
            var d = RepeatMetric.Recall.Decimals();
            md.Append($" For scale, {e.Subject} is {StatisticsFormat.Number(e.Estimate.Proportion, d)} ({Format.Count(e.Estimate.Successes)} of ");
            md.Append($"{Format.Count(e.Estimate.Trials)} {e.Of}), with a {percent} Wilson interval of {StatisticsFormat.Number(ci.Lower, d)} to ");
            md.Append($"{StatisticsFormat.Number(ci.Upper, d)}: the uncertainty of one fixed model's figure because the test set is a sample.");
        }
        md.Append(" A difference marked not significant is not shown to be zero: the repeats could not tell it from seed noise, ");
        md.Append("and its confidence interval says how large a real difference could still be. The correction for multiple ");
        md.Append("comparisons (Holm) covers the pairs compared on one metric, not the several metrics.\n\n");
        return md.ToString();
    }
}
