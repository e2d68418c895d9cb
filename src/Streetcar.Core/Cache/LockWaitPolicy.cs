namespace Streetcar.Core.Cache;

/// <summary>How a run waits for an entry lock another holder has (see <see cref="EntryLock"/>).</summary>
/// <param name="Expiry">A holder on another host whose heartbeat does not change for this long is taken as dead.</param>
/// <param name="Limit">Give up after waiting this long for a live holder; null: wait as long as it lives.</param>
/// <param name="Time">Clock of the wait.</param>
/// <param name="Cancel">Stops the wait (an <see cref="OperationCanceledException"/>).</param>
/// <param name="OnWaiting">Told once, when the wait starts.</param>
/// <param name="Warn">Told when a dead holder's lock is taken over, or a held lock is lost.</param>
internal sealed record LockWaitPolicy(TimeSpan Expiry, TimeSpan? Limit, TimeProvider Time, CancellationToken Cancel, Action<string> OnWaiting, Action<string> Warn);
