using System.CommandLine;
using Streetcar.Cli.Models;
using Streetcar.Cli.Output;
using Streetcar.Cli.Pipeline;
using Streetcar.Core.Config;
using Streetcar.Pipeline.Stages;

namespace Streetcar.Cli.Commands;

/// <summary>`streetcar stages`: the stage graph as the engine derives it, so that what a cache key holds is written down in one place.</summary>
public static class StagesCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("stages", "Lists the pipeline's stages in flow order: version, inputs (the upstream stages each reads), the experiment config keys each one's cache key holds, the model kinds it serves, and what it produces.");
        command.SetAction(_ =>
        {
            foreach (var step in new[] { StageTable.Fetch, StageTable.Grid })
            {
                Print(console, step.Name, step.Version, step.Upstream.Count == 0 ? "-" : string.Join(", ", step.Upstream), [], "", step.Summary);
            }
            foreach (var stage in StageTable.EngineStages)
            {
                var kinds = ModelKinds.AllGraphs.Where(g => g.Graph.Stages.Contains(stage)).Select(g => ConfigEnum.Name(g.Kind.Kind)).ToArray();
                var inputs = string.Join(", ", stage.Inputs.Select(i => i.Name == i.Stage ? i.Stage : $"{i.Name} ← {i.Stage}"));
                var serves = kinds.Length == ModelKinds.All.Count ? "" : $"; model: {string.Join(", ", kinds)}";
                Print(console, stage.Name, stage.Version, inputs, stage.ConfigKeys, serves + (stage.Intermediate ? "; intermediate (built only for a stage that reads it)" : ""), stage.Summary);
            }
            Print(console, StageTable.Report.Name, StageTable.Report.Version, string.Join(", ", StageTable.Report.Upstream), [], "", StageTable.Report.Summary);
            return 0;
        });
        return command;
    }

    private static void Print(CliConsole console, string name, int version, string inputs, IReadOnlyList<string> configKeys, string notes, string summary)
    {
        var keys = configKeys.Count == 0 ? "-" : string.Join(", ", configKeys.Select(k => k == StageConfigKeys.EveryKey ? "every key" : k));
        console.Info($"{name} v{version}: {summary}");
        console.Info($"    after: {inputs}; config keys: {keys}{notes}");
    }
}
