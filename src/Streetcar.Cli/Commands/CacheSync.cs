using System.CommandLine;
using Streetcar.Cli.Output;
using Streetcar.Cli.Pipeline;
using Streetcar.Remote;

namespace Streetcar.Cli.Commands;

/// <summary><c>streetcar cache push|pull</c>: share the stage cache through a remote (remotes.yml, a folder, an Azure container).</summary>
public static class CacheSync
{
    public static Command Push(CliConsole console) => Create(console, "push",
        "Publishes verified local entries the remote lacks (all, or those the -e experiments need); never overwrites: a key already there is compared and a disagreement is an error.",
        (sync, selection) => sync.Push(selection));

    public static Command Pull(CliConsole console) => Create(console, "pull",
        "Downloads the remote entries the local cache lacks (all, or those the -e experiments need), each verified file by file before it is installed; a damaged one is a warning and is skipped.",
        (sync, selection) => sync.Pull(selection));

    private static Command Create(CliConsole console, string verb, string description, Func<RemoteSync, RemoteSelection, SyncSummary> move)
    {
        var command = new Command(verb, description) { CommonOptions.Remote, CommonOptions.Experiment, CommonOptions.Repeats };
        command.SetAction(result =>
        {
            var ctx = PipelineContext.Open(CommonOptions.LocateWorkspace(result), console, force: false);
            var store = RemoteResolver.Open(result.GetValue(CommonOptions.Remote), ctx.Workspace.Root, required: true)!;
            using var runLock = ctx.Lock();
            var names = result.GetValue(CommonOptions.Experiment) ?? [];
            // Without -e every entry moves; with it, the keys those experiments' runs compute (data/raw/ must be fetched).
            var selection = names.Length == 0 && result.GetValue(CommonOptions.Repeats) is null
                ? RemoteSelection.All
                : RemoteStep.For(PipelineRun.Start(ctx, names, repeats: result.GetValue(CommonOptions.Repeats)));
            var summary = move(new RemoteSync(ctx.Cache, store, console.Info, console.Warn), selection);
            console.Info(RemoteStep.Summary(verb, store.Name, summary));
            return 0;
        });
        return command;
    }
}
