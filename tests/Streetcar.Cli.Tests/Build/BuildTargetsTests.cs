using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Streetcar.Cli.Tests.Build;

/// <summary>
/// Issue 24: every target <c>./build.sh --help</c> lists succeeds when it has nothing to do (a target that a Cake
/// criteria skips fails: "Could not reach target ... since it was skipped due to a criteria"). Each runs for real,
/// in a <see cref="BuildSandbox"/> on the slice, after one cold AllExperiments; the few that cannot are named with
/// the reason, and a new target must be put in one list or the other.
/// </summary>
public sealed partial class BuildTargetsTests(ITestOutputHelper output)
{
    /// <summary>Targets not run here, and why.</summary>
    private static readonly Dictionary<string, string> NotRunHere = new(StringComparer.Ordinal)
    {
        ["Test"] = "runs this test suite, which runs this test: CI runs it on every submission",
        ["Default"] = "is Test",
        ["Bench"] = "a measurement: it always does its work, for minutes, on real-sized data",
        ["Build"] = "builds every test project of the copy (minutes); BuildCli, its incremental path, runs here and CI runs Build itself",
        ["Lint"] = "formats every project of the copy (minutes); CI's Lint runs on the checkout",
    };

    /// <summary>Targets in the order they run after the cold run; Clean comes last, since it deletes the build.</summary>
    private static readonly (string Target, string[] Args)[] NothingToDo =
    [
        ("Help", []),
        ("BuildCli", []),
        ("FetchData", []),
        ("Prepare", []),
        ("Train", []),
        ("Evaluate", []),
        ("Sweep", []),
        ("Report", []),
        ("AllExperiments", []),
        ("Compare", []),
        ("Score", ["--cli-args=--route 501 --direction e --at 2014-06-13T08:30"]),
        ("Reproduce", []),
        ("Restore", []),
        ("ClearCache", []),
        ("Clean", []),
    ];

    [Fact]
    public void EveryTargetListedByHelp_IsRunHere_OrNamedWithTheReason()
    {
        var listed = ListedTargets(RunHelp());

        Assert.Contains("AllExperiments", listed);
        // Help is what --help itself runs, so it does not list itself.
        var classified = NothingToDo.Select(t => t.Target).Where(t => t != "Help").Concat(NotRunHere.Keys);
        Assert.Equal(listed.Order(StringComparer.Ordinal), classified.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryTarget_WithNothingToDo_Succeeds()
    {
        using var sandbox = BuildSandbox.Create();
        var cold = sandbox.Build("--target=AllExperiments");
        Assert.True(cold.ExitCode == 0, $"the cold run failed\n{cold}");
        Assert.True(File.Exists(Path.Combine(sandbox.Root, "results", "report.md")), cold.ToString());
        sandbox.Commit("results of the cold run");

        foreach (var (target, args) in NothingToDo)
        {
            var result = sandbox.Build([$"--target={target}", .. args]);
            output.WriteLine($"{target}: exit {result.ExitCode}");
            Assert.True(result.ExitCode == 0, $"./build.sh --target={target} {string.Join(' ', args)}\n{result}");
            Assert.DoesNotContain("skipped due to a criteria", result.Output + result.Error, StringComparison.Ordinal);
            if (target is "Train" or "Evaluate" or "AllExperiments")
            {
                Assert.DoesNotMatch(@" epoch \d+/\d+: loss", result.Output);
            }
            if (target is "BuildCli")
            {
                Assert.Contains("nothing to build", result.Output, StringComparison.Ordinal);
            }
            // Nothing to do leaves the committed results as they are (Reproduce rebuilds them: the same bytes).
            Assert.True(sandbox.Status().Length == 0, $"{target} changed the working tree:\n{sandbox.Status()}");
        }
    }

    // Help only prints, so it runs on the checkout itself.
    private static string RunHelp()
    {
        var help = BuildSandbox.Run(RepoPaths.Root, Path.Combine(RepoPaths.Root, "build.sh"), ["--help"], TimeSpan.FromMinutes(5));
        Assert.True(help.ExitCode == 0, help.ToString());
        return help.Output;
    }

    /// <summary>The target names of <c>./build.sh --help</c>: the lines under "Targets" up to "Options:".</summary>
    private static string[] ListedTargets(string help) =>
        help.Split('\n')
            .SkipWhile(l => !l.StartsWith("Targets", StringComparison.Ordinal))
            .Skip(1)
            .TakeWhile(l => !l.StartsWith("Options:", StringComparison.Ordinal))
            .Select(l => TargetLine().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToArray();

    [GeneratedRegex(@"^  ([A-Z][A-Za-z]+)  ")]
    private static partial Regex TargetLine();
}
