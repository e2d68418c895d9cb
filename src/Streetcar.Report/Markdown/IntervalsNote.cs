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
        md.Append("**What the intervals show.** The interval beside each mean measures seed noise: roughly where the mean over ");
        md.Append("many more seeds would lie, with the config, the data and the test rows held fixed (a bootstrap over the repeats, ");
        md.Append($"which for five normally distributed values covers about 83 %, not {percent}). It does not show that the repeats are alike: a recipe that sometimes collapses ");
        md.Append("has a mean between two kinds of model (see \"Collapsed\" and the working repeats' figures). It leaves out ");
        md.Append("test-set noise: every repeat is scored on the same test rows, and another sample of rows would move every figure ");
        md.Append("again (the recommendation's gap is measured against that noise).");
        if (example is { Estimate.Interval: { } ci } e)
        {
            var d = RepeatMetric.Recall.Decimals();
            md.Append($" For scale (an illustration, not a choice), {e.Subject} is {StatisticsFormat.Number(e.Estimate.Proportion, d)} ({Format.Count(e.Estimate.Successes)} of ");
            md.Append($"{Format.Count(e.Estimate.Trials)} {e.Of}), with a {percent} Wilson interval of {StatisticsFormat.Number(ci.Lower, d)} to ");
            md.Append($"{StatisticsFormat.Number(ci.Upper, d)}: the uncertainty of one fixed model's figure because the test set is a sample.");
        }
        md.Append(" A difference marked not significant is not shown to be zero: the repeats could not tell it from seed noise, ");
        md.Append("and its interval says how large a real difference could still be. The correction for multiple ");
        md.Append("comparisons (Holm) covers the pairs compared on one metric, not the several metrics.\n\n");
        return md.ToString();
    }
}
