using Streetcar.Core.Cache;

namespace Streetcar.Core.Tests.Cache;

/// <summary>A cancelled run (SIGINT/SIGTERM) starts no producer, and a producer it stops leaves no entry or work folder.</summary>
public sealed class StageCacheCancellationTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void GetOrCreate_OnceCancelled_StartsNoProducer_AndLeavesNothing()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var cache = new StageCache(_root.Path, cancel: cancel.Token);
        var produced = false;

        Assert.ThrowsAny<OperationCanceledException>(() => cache.GetOrCreate(CacheFixtures.Key("train"), CacheFixtures.Info("a"), _ => produced = true));

        Assert.False(produced);
        Assert.Equal(["train"], CacheFixtures.Leftovers(_root.Path));
    }

    [Fact]
    public void GetOrCreate_StoppedInsideTheProducer_LeavesNoEntryAndNoWorkFolder_AndTheNextRunBuilds()
    {
        using var cancel = new CancellationTokenSource();
        var cache = new StageCache(_root.Path, cancel: cancel.Token);
        var key = CacheFixtures.Key("train");

        Assert.ThrowsAny<OperationCanceledException>(() => cache.GetOrCreate(key, CacheFixtures.Info("a"), folder =>
        {
            File.WriteAllText(Path.Combine(folder, "half"), "written before the signal");
            cancel.Cancel();
            cancel.Token.ThrowIfCancellationRequested();
        }));

        Assert.Equal(["train"], CacheFixtures.Leftovers(_root.Path));
        var next = new StageCache(_root.Path).GetOrCreate(key, CacheFixtures.Info("a"), CacheFixtures.Produce);
        Assert.Equal(CacheOutcome.Built, next.Outcome);
    }
}
