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
        new(workspace, new StageCache(workspace.Cache, console.Warn, cancel: cancel) { LockWait = LockWait(), OnWaiting = console.Info }, console, force, cancel);

    /// <summary>Environment variable: seconds a run waits for an entry another live run is building (default: as long as it builds).</summary>
    public const string LockWaitVariable = "STREETCAR_LOCK_WAIT_SECONDS";

    /// <summary>Name of the lock, in the repository root, that serialises replacing results/ (<see cref="LockResults"/>).</summary>
    public const string ResultsLockName = "results";

    /// <summary>Name of the lock, in the repository root, that serialises writing data/raw/ (<see cref="LockRawData"/>).</summary>
    public const string RawDataLockName = "raw";

    /// <summary>
    /// Readies the cache for a run. The cache locks each entry while it is built (<see cref="EntryLock"/>), so runs
    /// sharing it proceed side by side; there is no run-wide lock any more. What is left to do at the start is to
    /// remove the work folders of killed runs (those whose lock no live holder has): a run that finds everything
    /// cached would otherwise never sweep them. Returns a scope for the verbs' <c>using</c>, which holds nothing.
    /// </summary>
    public IDisposable Lock()
    {
        Cache.SweepStale();
        return new NothingHeld();
    }

    /// <summary>
    /// Holds the lock on replacing results/ (the report's swap), so that two runs of one checkout never swap at
    /// once; a second waits while the first's report is written (seconds). A killed holder's lock expires at once.
    /// </summary>
    public EntryLock LockResults() => EntryLock.Acquire(Workspace.Root, ResultsLockName, Console.Info, Console.Warn, Cancel);

    /// <summary>
    /// Holds the lock on writing data/raw/ (fetch, pin), which is the checkout's, not the cache's: two runs of one
    /// checkout copy and check the workbooks one after the other (seconds), and a staging folder found while
    /// holding it is a killed run's.
    /// </summary>
    public EntryLock LockRawData() => EntryLock.Acquire(Workspace.Root, RawDataLockName, Console.Info, Console.Warn, Cancel);

    private static TimeSpan? LockWait() =>
        double.TryParse(Environment.GetEnvironmentVariable(LockWaitVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0 && double.IsFinite(seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private sealed class NothingHeld : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
