using System.CommandLine;
using System.Diagnostics;
using Streetcar.Cli.Output;
using Streetcar.Core.Errors;
using Streetcar.Core.Json;
using Streetcar.Report.Compare;
using Streetcar.Report.Model;

namespace Streetcar.Cli.Commands;

/// <summary><c>streetcar compare --base REV</c>: metric deltas between a revision's committed results and the working tree.</summary>
public static class CompareCommand
{
    public static Command Create(CliConsole console)
    {
        var baseOption = new Option<string>("--base") { Description = "Git revision whose committed results/metrics.json is the baseline.", DefaultValueFactory = _ => "HEAD", HelpName = "REV" };
        var all = new Option<bool>("--all") { Description = "Show every metric, not only the ones that changed." };
        var command = new Command("compare", "Prints a table of metric deltas between a git revision's committed results and the working tree (like `dvc metrics diff`).")
        {
            baseOption,
            all,
        };
        command.SetAction(result =>
        {
            var workspace = Workspace.Locate(result.GetValue(CommonOptions.Root));
            var revision = result.GetValue(baseOption)!;
            if (!File.Exists(workspace.Metrics))
            {
                throw new PipelineException($"{workspace.Metrics} does not exist: run the pipeline (./build.sh --target=AllExperiments) first");
            }
            var current = StableJson.Read<List<ExperimentMetrics>>(workspace.Metrics);
            var baseline = StableJson.Deserialize<List<ExperimentMetrics>>(GitShow(workspace.Root, revision, "results/metrics.json"));
            var rows = MetricsComparison.Compare(baseline, current);
            var changedOnly = !result.GetValue(all);
            console.Info(MetricsComparison.Render(rows, revision, changedOnly).TrimEnd());
            if (changedOnly && rows.All(r => r.Baseline.Equals(r.Current)))
            {
                console.Info($"no metric differs from {revision}");
            }
            return 0;
        });
        return command;
    }

    private static string GitShow(string root, string revision, string path)
    {
        var info = new ProcessStartInfo("git", ["show", $"{revision}:{path}"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var git = Process.Start(info) ?? throw new PipelineException("cannot start git");
        var output = git.StandardOutput.ReadToEnd();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        return git.ExitCode == 0 ? output : throw new PipelineException($"git show {revision}:{path}: {error.Trim()}");
    }
}
