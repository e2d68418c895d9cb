using Streetcar.Core.Cache;
using Streetcar.Core.Errors;

namespace Streetcar.Core.Tests.Cache;

public sealed class StageCacheTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly List<string> _warnings = [];
    private readonly StageCache _cache;

    public StageCacheTests() => _cache = new StageCache(_root.Path, _warnings.Add);

    public void Dispose() => _root.Dispose();

    [Fact]
    public void GetOrCreate_Missing_BuildsEntryWithManifest()
    {
        var key = CacheFixtures.Key();
        var entry = _cache.GetOrCreate(key, CacheFixtures.Info(), CacheFixtures.Produce);

        Assert.Equal(CacheOutcome.Built, entry.Outcome);
        Assert.Equal(Path.Combine(_root.Path, "train", key.Hash), entry.Folder);
        Assert.Equal(["metrics.json", "model/weights.bin"], entry.Manifest.Files.Select(f => f.Path));
        Assert.Equal(8, entry.Manifest.Files[1].Size);
        Assert.Equal("{\"loss\":0.25}\n", File.ReadAllText(entry.PathOf("metrics.json")));
        Assert.Equal(["train", $"train/{key.Hash}", $"train/{key.Hash}/manifest.json", $"train/{key.Hash}/metrics.json", $"train/{key.Hash}/model", $"train/{key.Hash}/model/weights.bin"],
            CacheFixtures.Leftovers(_root.Path));
        Assert.Empty(_warnings);
    }

    [Fact]
    public void GetOrCreate_Existing_HitsWithoutProducing()
    {
        var key = CacheFixtures.Key();
        _cache.GetOrCreate(key, CacheFixtures.Info(), CacheFixtures.Produce);

        var calls = 0;
        var entry = _cache.GetOrCreate(key, CacheFixtures.Info(), _ => calls++);

        Assert.Equal(CacheOutcome.Hit, entry.Outcome);
        Assert.Equal(0, calls);
        Assert.True(_cache.TryOpen(key, out var opened));
        Assert.Equal(entry.Manifest.Files, opened.Manifest.Files);
        Assert.Equal("exp-a", opened.Manifest.Info.Config);
    }

    [Fact]
    public void Manifest_IsDeterministic()
    {
        var other = new TempFolder();
        try
        {
            var key = CacheFixtures.Key();
            var info = CacheKeyBuilder.For("train", 1).Param("seed", 42).Info("exp-a", "title");
            var a = _cache.GetOrCreate(key, info, CacheFixtures.Produce);
            var b = new StageCache(other.Path).GetOrCreate(key, info, CacheFixtures.Produce);
            var text = File.ReadAllText(a.PathOf(CacheManifest.FileName));
            Assert.Equal(text, File.ReadAllText(b.PathOf(CacheManifest.FileName)));
            Assert.Contains("\"config\": \"exp-a\"", text, StringComparison.Ordinal);
            Assert.Contains("\"seed\": 42", text, StringComparison.Ordinal);
        }
        finally
        {
            other.Dispose();
        }
    }

    [Fact]
    public void GetOrCreate_ProducerThrows_LeavesNothing()
    {
        var key = CacheFixtures.Key();
        var error = Assert.Throws<InvalidOperationException>(() => _cache.GetOrCreate(key, CacheFixtures.Info(), dir =>
        {
            CacheFixtures.Produce(dir);
            throw new InvalidOperationException("NaN loss");
        }));

        Assert.Equal("NaN loss", error.Message);
        Assert.Equal(["train"], CacheFixtures.Leftovers(_root.Path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_root.Path, "train")));
        Assert.False(_cache.TryOpen(key, out _));
    }

    [Fact]
    public void GetOrCreate_ProducerWritesManifest_RejectedAndLeavesNothing()
    {
        var key = CacheFixtures.Key();
        Assert.Throws<PipelineException>(() => _cache.GetOrCreate(key, CacheFixtures.Info(),
            dir => File.WriteAllText(Path.Combine(dir, CacheManifest.FileName), "{}")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_root.Path, "train")));
    }

    [Fact]
    public void GetOrCreate_Force_RebuildsValidEntry()
    {
        var key = CacheFixtures.Key();
        _cache.GetOrCreate(key, CacheFixtures.Info(), CacheFixtures.Produce);

        var entry = _cache.GetOrCreate(key, CacheFixtures.Info("exp-b"), dir => File.WriteAllText(Path.Combine(dir, "new.txt"), "new"), force: true);

        Assert.Equal(CacheOutcome.Built, entry.Outcome);
        Assert.Equal(["new.txt"], entry.Manifest.Files.Select(f => f.Path));
        Assert.True(_cache.TryOpen(key, out var opened));
        Assert.Equal("exp-b", opened.Manifest.Info.Config);
        Assert.False(File.Exists(Path.Combine(entry.Folder, "metrics.json")));
        Assert.Single(Directory.EnumerateDirectories(Path.Combine(_root.Path, "train")));
    }

    [Fact]
    public void GetOrCreate_ForceAndProducerThrows_KeepsOldEntry()
    {
        var key = CacheFixtures.Key();
        _cache.GetOrCreate(key, CacheFixtures.Info(), CacheFixtures.Produce);

        Assert.Throws<InvalidOperationException>(() => _cache.GetOrCreate(key, CacheFixtures.Info(), _ => throw new InvalidOperationException("boom"), force: true));

        Assert.True(_cache.TryOpen(key, out _));
    }

    [Fact]
    public async Task GetOrCreate_ConcurrentSameKey_OneBuildsTheOtherWaitsForItAndUsesIt()
    {
        var key = CacheFixtures.Key();
        using var secondWaits = new ManualResetEventSlim();
        var second = new StageCache(_root.Path, _warnings.Add) { OnWaiting = _ => secondWaits.Set() };
        var produced = 0;
        void Produce(string dir)
        {
            Interlocked.Increment(ref produced);
            CacheFixtures.Produce(dir);
            // The second asks while the first is still building: it must wait for it, not build its own.
            Assert.True(secondWaits.Wait(TimeSpan.FromSeconds(20)), "the second writer never waited");
        }

        var first = Task.Run(() => _cache.GetOrCreate(key, CacheFixtures.Info(), Produce));
        while (!Directory.Exists(Path.Combine(_root.Path, "train")) || !File.Exists(EntryLock.PathFor(Path.Combine(_root.Path, "train"), key.Hash)))
        {
            await Task.Delay(10);
        }
        var late = Task.Run(() => second.GetOrCreate(key, CacheFixtures.Info(), Produce));
        var results = await Task.WhenAll(first, late);

        Assert.Equal(1, produced);
        Assert.Equal([CacheOutcome.Built, CacheOutcome.Raced], results.Select(r => r.Outcome));
        Assert.All(results, r => Assert.Equal(results[0].Manifest.Files, r.Manifest.Files));
        Assert.Equal([key.Hash], Directory.EnumerateFileSystemEntries(Path.Combine(_root.Path, "train")).Select(Path.GetFileName));
        Assert.True(_cache.TryOpen(key, out _));
        Assert.Empty(_warnings);
    }

    [Fact]
    public void Create_KeepsItsWorkWhenCancelled_AndResealsWhatAJobKilledAfterSealingLeft()
    {
        var key = CacheFixtures.Key();
        var name = CacheFixtures.Key(seed: 99).Hash;
        var work = _cache.ResumeFolder("train", name);
        using (var held = _cache.LockEntry("train", name))
        {
            Assert.Throws<OperationCanceledException>(() => _cache.Create(held, folder =>
            {
                File.WriteAllText(Path.Combine(folder, "epoch-1.txt"), "1");
                throw new OperationCanceledException();
            }));
        }
        Assert.True(File.Exists(Path.Combine(work, "epoch-1.txt")), "cancelled work must stay for the next run");
        File.WriteAllText(Path.Combine(work, CacheManifest.FileName), "{\"sealed\": \"by a killed job\"}");

        CacheEntry entry;
        using (var held = _cache.LockEntry("train", name))
        {
            entry = _cache.Create(held, folder =>
            {
                Assert.True(File.Exists(Path.Combine(folder, "epoch-1.txt")), "the work is continued, not restarted");
                File.WriteAllText(Path.Combine(folder, "epoch-2.txt"), "2");
                return (key, CacheFixtures.Info());
            });
        }

        Assert.Equal(CacheOutcome.Built, entry.Outcome);
        Assert.Equal(["epoch-1.txt", "epoch-2.txt"], entry.Manifest.Files.Select(f => f.Path));
        Assert.True(_cache.TryOpen(key, out _));
        Assert.False(Directory.Exists(work));
    }

    [Fact]
    public void GetOrCreate_DifferentKeys_SeparateEntries()
    {
        var a = _cache.GetOrCreate(CacheFixtures.Key(seed: 1), CacheFixtures.Info(), CacheFixtures.Produce);
        var b = _cache.GetOrCreate(CacheFixtures.Key(seed: 2), CacheFixtures.Info(), CacheFixtures.Produce);
        Assert.NotEqual(a.Folder, b.Folder);
        Assert.Equal(2, _cache.List().Count);
    }
}
