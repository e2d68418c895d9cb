using System.CommandLine;
using Streetcar.Cli.Output;
using Streetcar.Cli.Pipeline;
using Streetcar.Prepare;
using Streetcar.Prepare.Fetch;
using Streetcar.Prepare.Output;

namespace Streetcar.Cli.Commands;

/// <summary>
/// <c>streetcar pin</c>: a deliberate vintage update. Fetches the files data/prepare.yml's years need, accepting
/// whatever the source folder or the portal holds today, and writes their hashes to data/workbooks.sha256, for a
/// commit a reviewer can read (the diff of that file is the vintage change).
/// </summary>
public static class PinCommand
{
    public static Command Create(CliConsole console, CancellationToken cancel)
    {
        var command = new Command("pin",
            "Fetches the raw files data/prepare.yml's years need as they are today (--data-source, else the portal) " +
            "and writes their SHA-256 to data/workbooks.sha256: a deliberate vintage update to review and commit.")
        {
            CommonOptions.DataSource,
        };
        command.SetAction(result =>
        {
            var ctx = PipelineContext.Open(CommonOptions.LocateWorkspace(result), console, force: false, cancel);
            using var runLock = ctx.Lock();
            var (pin, fetched) = PinStep.Run(ctx, CommonOptions.ResolveDataSource(result));
            foreach (var (file, change) in pin.Changes)
            {
                console.Info($"  {file}: {change.ToString().ToLowerInvariant()}");
            }
            var vintage = DataVintage.IdOf(new WorkbookManifest(fetched.Files.Select(f => new ManifestEntry(f.FileName, f.Sha256)).ToArray()));
            var changed = pin.Changes.Count(c => c.Change != ManifestPin.Change.Unchanged);
            console.Info($"pin: {fetched.Files.Count} files pinned in {Path.GetRelativePath(ctx.Workspace.Root, ctx.Workspace.WorkbookManifest)} " +
                $"(vintage {vintage}; {changed} changed). Review and commit it; the next run rebuilds from this vintage.");
            return 0;
        });
        return command;
    }
}
