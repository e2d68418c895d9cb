using System.CommandLine;
using Streetcar.Cli.Output;
using Streetcar.Cli.Pipeline;

namespace Streetcar.Cli.Commands;

/// <summary>`streetcar stages`: the stage table, so that what a cache key holds is written down in one place.</summary>
public static class StagesCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("stages", "Lists the pipeline's stages in flow order: version, upstream stages, the experiment config keys each one's cache key holds, and what it produces.");
        command.SetAction(_ =>
        {
            foreach (var stage in StageTable.All)
            {
                var upstream = stage.Upstream.Count == 0 ? "-" : string.Join(", ", stage.Upstream);
                var keys = stage.ConfigKeys.Count == 0 ? "-" : string.Join(", ", stage.ConfigKeys.Select(k => k == StageDefinition.EveryKey ? "every key" : k));
                console.Info($"{stage.Name} v{stage.Version}: {stage.Summary}");
                console.Info($"    after: {upstream}; config keys: {keys}");
            }
            return 0;
        });
        return command;
    }
}
