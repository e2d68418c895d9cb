using System.Diagnostics;
using Streetcar.Cli.Tests.Fixtures;
using Streetcar.Core.Errors;
using Streetcar.Core.Json;
using Streetcar.Report.Model;

namespace Streetcar.Cli.Tests.Commands;

/// <summary>
/// Issue 12: <c>compare --base REV --head REV</c> diffs two commits' results/metrics.json and judges each mean against
/// the baseline's interval. The metrics are written by hand, so no pipeline runs.
/// </summary>
public sealed class CompareCommandTests : IDisposable
{
    private readonly TestWorkspace _workspace = TestWorkspace.Create();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void GivenTwoCommits_WhenComparedWithHead_ThenAMeanInsideTheOldIntervalIsWithinNoise_AndOneOutsideIsNot()
    {
        // Old: recall 0.60 [0.50, 0.70], accuracy 0.90 [0.89, 0.91]. New: recall 0.65 (inside), accuracy 0.95 (outside).
        Commit(Metrics(recall: 0.60, accuracy: 0.90), "old");
        Commit(Metrics(recall: 0.65, accuracy: 0.95), "new");
        // The working tree holds something else again: --head must not read it.
        _workspace.Write("results/metrics.json", StableJson.Serialize(Metrics(recall: 0.10, accuracy: 0.10)));

        var result = _workspace.Run("compare", "--base", "HEAD~1", "--head", "HEAD");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("experiment   metric                   HEAD~1           HEAD     change  noise\n", result.Output);
        Assert.Contains("b            test_recall                 0.6           0.65      +0.05  within noise\n", result.Output);
        Assert.Contains("b            test_accuracy               0.9           0.95      +0.05  outside noise\n", result.Output);
        Assert.DoesNotContain("0.1 ", result.Output);
    }

    [Fact]
    public void GivenNoHead_WhenCompared_ThenTheWorkingTreeIsTheNewSide()
    {
        Commit(Metrics(recall: 0.60, accuracy: 0.90), "old");
        _workspace.Write("results/metrics.json", StableJson.Serialize(Metrics(recall: 0.80, accuracy: 0.90)));

        var result = _workspace.Run("compare", "--base", "HEAD");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("b            test_recall                 0.6            0.8       +0.2  outside noise\n", result.Output);
    }

    [Theory]
    [InlineData("--head", "no-such-rev")]
    [InlineData("--base", "HEAD~5")]
    public void GivenARevisionGitDoesNotKnow_WhenCompared_ThenOneUsageErrorNamesTheOption(string option, string revision)
    {
        Commit(Metrics(recall: 0.60, accuracy: 0.90), "old");
        string[] args = option == "--head" ? ["compare", "--base", "HEAD", option, revision] : ["compare", option, revision];

        var result = _workspace.Run(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"error: {option}: '{revision}' is not a commit", line);
        Assert.Equal("", result.Output);
    }

    /// <summary>One experiment "b" over three repeats with the given means and fixed intervals of ± 0.1 and ± 0.01.</summary>
    private static List<ExperimentMetrics> Metrics(double recall, double accuracy) =>
    [
        new ExperimentMetrics("b", "0123456789ab", 10, null, null)
        {
            Summaries =
            [
                new MetricSummary("test_accuracy", 3, accuracy, 0.004, accuracy - 0.01, accuracy + 0.01, 0.95),
                new MetricSummary("test_recall", 3, recall, 0.04, recall - 0.1, recall + 0.1, 0.95),
            ],
        },
    ];

    private void Commit(List<ExperimentMetrics> metrics, string message)
    {
        _workspace.Write("results/metrics.json", StableJson.Serialize(metrics));
        if (!Directory.Exists(_workspace.PathOf(".git")))
        {
            Git("init", "--quiet");
        }
        Git("add", "results/metrics.json");
        Git("-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "--quiet", "-m", message);
    }

    private void Git(params string[] args)
    {
        var info = new ProcessStartInfo("git", args) { WorkingDirectory = _workspace.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        using var git = Process.Start(info)!;
        var error = git.StandardError.ReadToEndAsync();
        git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)}: {error.Result}");
    }
}
