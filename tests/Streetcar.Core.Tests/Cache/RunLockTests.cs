using Streetcar.Core.Cache;
using Streetcar.Core.Errors;

namespace Streetcar.Core.Tests.Cache;

/// <summary>
/// The run lock. Proven here on Linux: (1) two holders in one process exclude each other (flock is per open
/// file description); (2) a lock taken by another process with flock(1) blocks us, so .NET's FileShare.None is
/// the same advisory flock; (3) our lock blocks flock(1) in another process; (4) SIGKILL of the holder releases
/// it; (5) a waiter is told it waits, and proceeds when the holder dies.
/// </summary>
public sealed class RunLockTests : IDisposable
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);

    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private string LockPath => Path.Combine(_root.Path, RunLock.FileName);

    [Fact]
    public void SecondHolderInProcess_WaitsThenFailsClearly()
    {
        var first = new StageCache(_root.Path);
        var second = new StageCache(_root.Path);
        var waiting = new List<string>();
        using (first.AcquireRunLock(Short, _ => { }))
        {
            Assert.True(first.HoldsRunLock);
            var error = Assert.Throws<PipelineException>(() => second.AcquireRunLock(Short, waiting.Add));

            Assert.Contains($"Another pipeline run (pid {Environment.ProcessId}) is using the cache at {_root.Path}", error.Message, StringComparison.Ordinal);
            Assert.Contains("gave up after waiting 0.3 s", error.Message, StringComparison.Ordinal);
            Assert.Contains("waiting up to 0.3 s", Assert.Single(waiting), StringComparison.Ordinal);
            Assert.False(second.HoldsRunLock);
        }
        Assert.False(first.HoldsRunLock);

        using var again = second.AcquireRunLock(Short, waiting.Add);
        Assert.Single(waiting);
        Assert.True(File.Exists(LockPath));
    }

    [Fact]
    public void SameInstanceTwice_IsABug()
    {
        var cache = new StageCache(_root.Path);
        using var held = cache.AcquireRunLock(Short, _ => { });
        Assert.Throws<InvalidOperationException>(() => cache.AcquireRunLock(Short, _ => { }));
    }

    [Fact]
    public void Release_ForgetsOwnerNote()
    {
        var cache = new StageCache(_root.Path);
        var owner = Path.Combine(_root.Path, RunLock.OwnerFileName);
        using (cache.AcquireRunLock(Short, _ => { }))
        {
            Assert.Equal($"{Environment.ProcessId}\n", File.ReadAllText(owner));
        }
        Assert.False(File.Exists(owner));
    }

    [Fact]
    public void LockHeldByOtherProcess_BlocksUs_UntilItIsKilled()
    {
        var cache = new StageCache(_root.Path);
        using var holder = ChildProcess.StartAndWaitFor("locked", "exec 9>>\"$1\" && flock -x 9 && echo locked && exec sleep 60", LockPath);

        Assert.Throws<PipelineException>(() => cache.AcquireRunLock(Short, _ => { }));

        holder.KillHard();
        using var runLock = cache.AcquireRunLock(TimeSpan.FromSeconds(5), _ => { });
        Assert.True(runLock.IsHeld);
    }

    [Fact]
    public void OurLock_BlocksOtherProcess_UntilDisposed()
    {
        var cache = new StageCache(_root.Path);
        using (cache.AcquireRunLock(Short, _ => { }))
        {
            Assert.Equal(1, ChildProcess.Run("flock", "-n", LockPath, "true"));
        }
        Assert.Equal(0, ChildProcess.Run("flock", "-n", LockPath, "true"));
    }

    [Fact]
    public async Task Waiter_ProceedsWhenHolderDies()
    {
        var cache = new StageCache(_root.Path);
        using var holder = ChildProcess.StartAndWaitFor("locked", "exec 9>>\"$1\" && flock -x 9 && echo locked && exec sleep 60", LockPath);
        using var told = new ManualResetEventSlim();

        var acquiring = Task.Run(() => cache.AcquireRunLock(TimeSpan.FromSeconds(20), _ => told.Set()));
        Assert.True(told.Wait(TimeSpan.FromSeconds(10)), "the waiter should say that it waits");
        Assert.False(acquiring.IsCompleted);
        holder.KillHard();

        using var runLock = await acquiring.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(runLock.IsHeld);
    }
}
