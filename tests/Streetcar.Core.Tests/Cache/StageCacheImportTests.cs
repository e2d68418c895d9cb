using Streetcar.Core.Cache;

namespace Streetcar.Core.Tests.Cache;

/// <summary>
/// Issue 22: an entry that arrives from a remote is installed only after every file verified against its
/// manifest; a refused one leaves nothing behind, and a manifest path can never write outside the work folder.
/// </summary>
public sealed class StageCacheImportTests : IDisposable
{
    private readonly TempFolder _source = new();
    private readonly TempFolder _root = new();
    private readonly StageCache _cache;
    private readonly CacheEntry _original;

    public StageCacheImportTests()
    {
        _original = new StageCache(_source.Path).GetOrCreate(CacheFixtures.Key(), CacheFixtures.Info(), CacheFixtures.Produce);
        _cache = new StageCache(_root.Path);
    }

    public void Dispose()
    {
        _source.Dispose();
        _root.Dispose();
    }

    [Fact]
    public void Import_SoundFiles_InstallsAnEntryThatOpens()
    {
        var problem = _cache.Import(_original.Key, _original.Manifest, ManifestBytes(), CopyFromOriginal);

        Assert.Null(problem);
        Assert.True(_cache.TryOpen(_original.Key, out var entry));
        Assert.Equal(File.ReadAllBytes(_original.PathOf("model/weights.bin")), File.ReadAllBytes(entry.PathOf("model/weights.bin")));
        Assert.Equal([$"train/{_original.Key.Hash}"], _cache.EntryKeys().Select(k => $"{k.Stage}/{k.Hash}"));
    }

    [Fact]
    public void Import_AFileWithOtherBytes_IsRefusedAndLeavesNothing()
    {
        var problem = _cache.Import(_original.Key, _original.Manifest, ManifestBytes(), (file, path) =>
        {
            CopyFromOriginal(file, path);
            if (file.Path == "metrics.json")
            {
                File.WriteAllText(path, "{\"loss\":0.26}\n"); // same size, other content
            }
        });

        Assert.NotNull(problem);
        Assert.Contains("metrics.json", problem, StringComparison.Ordinal);
        Assert.False(_cache.Contains(_original.Key));
        Assert.Equal(["train"], CacheFixtures.Leftovers(_root.Path));
    }

    [Fact]
    public void Import_AMissingFile_IsRefusedAndLeavesNothing()
    {
        var problem = _cache.Import(_original.Key, _original.Manifest, ManifestBytes(), (file, path) =>
        {
            if (file.Path != "metrics.json")
            {
                CopyFromOriginal(file, path);
            }
        });

        Assert.Contains("'metrics.json' is missing", problem, StringComparison.Ordinal);
        Assert.Equal(["train"], CacheFixtures.Leftovers(_root.Path));
    }

    [Fact]
    public void Import_APathLeavingTheFolder_IsRefusedBeforeAnythingIsWritten()
    {
        var manifest = _original.Manifest with { Files = [new CacheFile("../../escaped.txt", 3, new string('0', 64))] };
        var calls = 0;

        var problem = _cache.Import(_original.Key, manifest, ManifestBytes(), (_, _) => calls++);

        Assert.Contains("invalid path '../../escaped.txt'", problem, StringComparison.Ordinal);
        Assert.Equal(0, calls);
        Assert.Empty(CacheFixtures.Leftovers(_root.Path));
    }

    [Fact]
    public void Import_AManifestOfAnotherKey_IsRefused()
    {
        var other = CacheFixtures.Key(seed: 7);

        var problem = _cache.Import(other, _original.Manifest, ManifestBytes(), CopyFromOriginal);

        Assert.Contains("names train/", problem, StringComparison.Ordinal);
        Assert.False(_cache.Contains(other));
    }

    private byte[] ManifestBytes() => File.ReadAllBytes(_original.PathOf(CacheManifest.FileName));

    private void CopyFromOriginal(CacheFile file, string path) => File.Copy(_original.PathOf(file.Path), path);
}
