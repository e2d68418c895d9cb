using Streetcar.Core.Cache;

namespace Streetcar.Core.Tests.Cache;

public sealed class StageCacheControlTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly StageCache _cache;
    private readonly CacheKey _prepare = CacheFixtures.Key("prepare");
    private readonly CacheKey _trainA = CacheFixtures.Key("train", 1);
    private readonly CacheKey _trainB = CacheFixtures.Key("train", 2);

    public StageCacheControlTests()
    {
        _cache = new StageCache(_root.Path);
        _cache.GetOrCreate(_prepare, CacheFixtures.Info("shared"), CacheFixtures.Produce);
        _cache.GetOrCreate(_trainA, CacheFixtures.Info("exp-a"), CacheFixtures.Produce);
        _cache.GetOrCreate(_trainB, CacheFixtures.Info("exp-b"), d => File.WriteAllText(Path.Combine(d, "x"), "12345"));
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public void List_ShowsStageKeySizeConfigAndValidity()
    {
        File.Delete(Path.Combine(_cache.EntryFolder(_trainB), "x"));

        var listing = _cache.List();

        Assert.Equal([_prepare, .. new[] { _trainA, _trainB }.OrderBy(k => k.Hash, StringComparer.Ordinal)], listing.Select(l => l.Key));
        var a = listing.Single(l => l.Key == _trainA);
        Assert.True(a.Valid);
        Assert.Equal("exp-a", a.Config);
        Assert.Equal("test entry", a.Description);
        Assert.Equal(14 + 8 + new FileInfo(Path.Combine(a.Folder, CacheManifest.FileName)).Length, a.SizeBytes);
        var b = listing.Single(l => l.Key == _trainB);
        Assert.False(b.Valid);
        Assert.Equal("exp-b", b.Config);
        Assert.Equal("file 'x' is missing", b.Problem);
    }

    [Fact]
    public void Find_ByStageAndPrefixOrBarePrefix()
    {
        Assert.Equal([_trainA], _cache.Find(_trainA.ToString()));
        Assert.Equal([_trainA], _cache.Find(_trainA.Hash[..8].ToUpperInvariant()));
        Assert.Empty(_cache.Find("prepare/" + _trainA.Short));
        Assert.Equal(2, _cache.Find("train/").Count);
    }

    [Fact]
    public void Remove_DeletesOnlyThatEntry()
    {
        Assert.True(_cache.Remove(_trainA));
        Assert.False(_cache.Remove(_trainA));
        Assert.False(_cache.TryOpen(_trainA, out _));
        Assert.Equal([_prepare, _trainB], _cache.List().Select(l => l.Key).OrderBy(k => k.Stage, StringComparer.Ordinal));
    }

    [Fact]
    public void Prune_RemovesEntriesNoConfigUses()
    {
        var removed = _cache.Prune(new HashSet<CacheKey> { _prepare, _trainB });

        Assert.Equal([_trainA], removed);
        Assert.Equal([_prepare, _trainB], _cache.List().Select(l => l.Key).OrderBy(k => k.Stage, StringComparer.Ordinal));
    }

    [Fact]
    public void Clear_RemovesEverything()
    {
        _cache.Clear();

        Assert.Empty(_cache.List());
        Assert.Empty(CacheFixtures.Leftovers(_root.Path));
    }

    [Fact]
    public void Clear_WhileAnEntryIsBeingBuilt_RefusesAndRemovesNothing()
    {
        var listed = _cache.List().Select(l => l.Key).ToList();
        using (_cache.LockEntry("train", CacheFixtures.Key(seed: 7).Hash))
        {
            var error = Assert.Throws<Streetcar.Core.Errors.PipelineException>(() => _cache.Clear());
            Assert.Contains($"pid {Environment.ProcessId}", error.Message, StringComparison.Ordinal);
            Assert.Contains("nothing was removed", error.Message, StringComparison.Ordinal);
        }
        Assert.Equal(listed, _cache.List().Select(l => l.Key));
        _cache.Clear();
        Assert.Empty(_cache.List());
    }
}
