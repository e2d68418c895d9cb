using System.CommandLine;
using System.Diagnostics;
using Streetcar.Cli.Output;
using Streetcar.Core.Errors;
using Streetcar.Core.Files;
using Streetcar.Core.Json;
using Streetcar.Report.Compare;
using Streetcar.Report.Model;

namespace Streetcar.Cli.Commands;

/// <summary>
/// <c>streetcar compare --base REV [--head REV]</c>: metric deltas between a revision's committed results and the
/// working tree's, or another revision's.
/// </summary>
public static class CompareCommand
{
    private const string MetricsPath = "results/metrics.json";

    public static Command Create(CliConsole console)
    {
        var baseOption = new Option<string>("--base") { Description = "Git revision whose committed results/metrics.json is the baseline.", DefaultValueFactory = _ => "HEAD", HelpName = "REV" };
        var headOption = new Option<string?>("--head") { Description = "Git revision compared with the baseline instead of the working tree's results/metrics.json.", HelpName = "REV" };
        var all = new Option<bool>("--all") { Description = "Show every metric, not only the ones that changed." };
        var command = new Command("compare", "Prints a table of metric deltas between a git revision's committed results and the working tree or another revision (like `dvc metrics diff`); a mean over repeats is marked within noise when it lies inside the baseline's confidence interval.")
        {
            baseOption,
            headOption,
            all,
        };
        command.SetAction(result =>
        {
            var workspace = CommonOptions.LocateWorkspace(result);
            var revision = result.GetValue(baseOption)!;
            var head = result.GetValue(headOption);
            // Both revisions are checked before anything is read, so a typo is a usage error whichever side it is on.
            Verify(workspace.Root, "--base", revision);
            if (head is not null)
            {
                Verify(workspace.Root, "--head", head);
            }
            var current = head is null ? WorkingTree(workspace) : Read(GitShow(workspace.Root, head, MetricsPath), $"{head}:{MetricsPath}");
            var baseline = Read(GitShow(workspace.Root, revision, MetricsPath), $"{revision}:{MetricsPath}");
            var rows = MetricsComparison.Compare(baseline, current);
            var changedOnly = !result.GetValue(all);
            console.Info(MetricsComparison.Render(rows, revision, changedOnly, head ?? "workspace").TrimEnd());
            if (changedOnly && rows.All(r => r.Baseline.Equals(r.Current)))
            {
                console.Info($"no metric differs from {revision}");
            }
            console.Info(MetricsComparison.Legend);
            return 0;
        });
        return command;
    }

    private static List<ExperimentMetrics> WorkingTree(Workspace workspace)
    {
        if (!File.Exists(workspace.Metrics))
        {
            throw new PipelineException($"{workspace.Metrics} does not exist: run the pipeline (./build.sh --target=AllExperiments) first");
        }
        // results/metrics.json is a few KiB; a FIFO or a device in its place is refused, not read for ever.
        return Read(InputFile.ReadText(workspace.Metrics, 64 << 20, problem => new PipelineException($"{workspace.Metrics}: {problem}")), workspace.Metrics);
    }

    private static List<ExperimentMetrics> Read(string json, string source)
    {
        try
        {
            return StableJson.Deserialize<List<ExperimentMetrics>>(json);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new PipelineException($"{source} is not a metrics file: {e.Message}");
        }
    }

    /// <summary>Refuses a revision git does not know (exit 64): it names the option and the revision.</summary>
    private static void Verify(string root, string option, string revision)
    {
        var (exitCode, _, _) = Git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", $"{revision}^{{commit}}");
        if (exitCode != 0)
        {
            throw new PipelineException($"{option}: '{revision}' is not a commit of the repository at {root}", ExitCodes.Usage);
        }
    }

    private static string GitShow(string root, string revision, string path)
    {
        var (exitCode, output, error) = Git(root, "show", $"{revision}:{path}");
        return exitCode == 0 ? output : throw new PipelineException($"git show {revision}:{path}: {error.Trim()}");
    }

    private static (int ExitCode, string Output, string Error) Git(string root, params string[] args)
    {
        var info = new ProcessStartInfo("git", args)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var git = Process.Start(info) ?? throw new PipelineException("cannot start git");
        // Read stderr concurrently: a large stdout would otherwise block git on a full stderr pipe, or the reverse.
        var error = git.StandardError.ReadToEndAsync();
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return (git.ExitCode, output, error.Result);
    }
}
