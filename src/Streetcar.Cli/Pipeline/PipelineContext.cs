using Streetcar.Cli.Output;
using Streetcar.Core.Cache;

namespace Streetcar.Cli.Pipeline;

/// <summary>What every pipeline step works with: the folders, the stage cache and the console.</summary>
public sealed record PipelineContext(Workspace Workspace, StageCache Cache, CliConsole Console, bool Force)
{
    public static PipelineContext Open(Workspace workspace, CliConsole console, bool force) =>
        new(workspace, new StageCache(workspace.Cache, console.Warn), console, force);

    /// <summary>Holds the cache's run lock: a second run waits up to a minute, then fails clearly.</summary>
    public IDisposable Lock() => Cache.AcquireRunLock(TimeSpan.FromMinutes(1), Console.Info);
}
