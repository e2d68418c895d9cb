using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Core.Errors;
using Xunit.Abstractions;

namespace Streetcar.Cli.Tests.Faults;

/// <summary>
/// Issue 13's bad inputs (threshold rules, model kinds, monitors): the same promise as <see cref="BadInputTests"/>,
/// one clear message naming the key, a config exit code, nothing cached. Kept apart from <see cref="BadInputs"/>.
/// </summary>
[Collection(SliceCollection.Name)]
public sealed class ThresholdAndModelBadInputs(ITestOutputHelper output)
{
    public static IEnumerable<BadInputCase> All() =>
    [
        Experiment("threshold rule unknown", "threshold: {choose: best}\n", "threshold.choose", "'best' is not a rule", "target_recall | max_f1 | youden"),
        Experiment("target recall above 1", "threshold: {choose: target_recall, value: 1.5}\n", "threshold.value", "(0, 1]", "got 1.5"),
        Experiment("target recall without a value", "threshold: {choose: target_recall}\n", "threshold.value", "got nothing"),
        Experiment("max_f1 with a value", "threshold: {choose: max_f1, value: 0.4}\n", "threshold.value", "'max_f1' takes no value"),
        Experiment("threshold neither number nor rule", "threshold: high\n", "'threshold'", "'high'", "{choose: target_recall | max_f1 | youden}"),
        Experiment("threshold rule unknown key", "threshold: {choose: youden, target: 0.9}\n", "threshold.target", "unknown key 'target'"),
        Experiment("threshold rule without choose", "threshold: {value: 0.9}\n", "'threshold'", "needs choose"),
        Experiment("pr auc monitor with mode min", "early_stopping:\n  monitor: val_pr_auc\n  mode: min\n", "early_stopping.mode", "val_pr_auc", "mode: max"),
        Experiment("unknown model", "model: xgboost\n", "'model'", "'xgboost' is not allowed", "network | gradient_boosting"),
        Experiment("boosting with one leaf", "model: gradient_boosting\ngradient_boosting:\n  num_leaves: 1\n", "gradient_boosting.num_leaves", "[2, 4096]"),
        Experiment("boosting unknown weighting", "gradient_boosting:\n  positive_weighting: double\n", "gradient_boosting.positive_weighting", "none | balanced"),
    ];

    public static TheoryData<string> Cases() => [.. All().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void GivenABadInput_WhenTheCliRuns_ThenOneClearMessageAConfigExitAndNoCacheEntry(string name)
    {
        var bad = All().Single(c => c.Name == name);
        using var workspace = TestWorkspace.Create();
        bad.Break(workspace);

        var result = workspace.Run(["run", "--data-source", workspace.DataSource]);

        Assert.Equal(bad.ExitCode, result.ExitCode);
        var message = Assert.Single(result.ErrorLines);
        output.WriteLine($"exit {result.ExitCode}: {message}");
        Assert.All(bad.KeyWords, word => Assert.True(message.Contains(word, StringComparison.Ordinal), $"'{word}' not in: {message}\n{result}"));
        Assert.Contains("experiments/bad.yml", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Empty(workspace.CacheEntries());
        Assert.Empty(workspace.WorkFolders());
        Assert.False(File.Exists(workspace.Report));
    }

    private static BadInputCase Experiment(string name, string yaml, params string[] keyWords) =>
        new(name, ExitCodes.Config, w =>
        {
            File.Delete(w.PathOf("experiments/a.yml"));
            File.Delete(w.PathOf("experiments/b.yml"));
            w.Write("experiments/bad.yml", $"base: _base.yml\n{yaml}");
        }, null, keyWords);
}
