using System.Globalization;
using Streetcar.Cli.Output;
using Streetcar.Core.Cache;

namespace Streetcar.Cli.Pipeline;

/// <summary>
/// What every pipeline step works with: the folders, the stage cache, the console, and the run's cancellation
/// (SIGINT/SIGTERM, <see cref="RunSignals"/>), which the steps check between units of work.
/// </summary>
public sealed record PipelineContext(Workspace Workspace, StageCache Cache, CliConsole Console, bool Force, CancellationToken Cancel = default)
{
    public static PipelineContext Open(Workspace workspace, CliConsole console, bool force, CancellationToken cancel = default) =>
        new(workspace, new StageCache(workspace.Cache, console.Warn, cancel: cancel), console, force, cancel);

    /// <summary>Environment variable: seconds a run waits for another run's lock (default 60).</summary>
    public const string LockWaitVariable = "STREETCAR_LOCK_WAIT_SECONDS";

    /// <summary>
    /// Holds the cache's run lock: a second run waits (a minute, or <see cref="LockWaitVariable"/> seconds), then
    /// fails clearly. Once held, no other run can be writing, so every leftover work folder (of a killed run) is
    /// removed now: a run that finds everything cached would otherwise never sweep them.
    /// </summary>
    public IDisposable Lock()
    {
        var runLock = Cache.AcquireRunLock(LockWait(), Console.Info);
        Cache.SweepStale();
        return runLock;
    }

    private static TimeSpan LockWait() =>
        double.TryParse(Environment.GetEnvironmentVariable(LockWaitVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0 && double.IsFinite(seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromMinutes(1);
}
