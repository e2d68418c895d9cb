using Streetcar.Core.Cache;

namespace Streetcar.Core.Tests.Cache;

public sealed class StageCacheIntegrityTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly List<string> _warnings = [];
    private readonly StageCache _cache;
    private readonly CacheKey _key = CacheFixtures.Key();
    private readonly CacheEntry _entry;

    public StageCacheIntegrityTests()
    {
        _cache = new StageCache(_root.Path, _warnings.Add);
        _entry = _cache.GetOrCreate(_key, CacheFixtures.Info(), CacheFixtures.Produce);
    }

    public void Dispose() => _root.Dispose();

    public static TheoryData<string, string> Damages() => new()
    {
        { "truncate", "file 'model/weights.bin' has 4 bytes, the manifest says 8" },
        { "flip-byte", "file 'model/weights.bin' has SHA-256" },
        { "delete-file", "file 'model/weights.bin' is missing" },
        { "delete-manifest", "manifest.json is missing" },
        { "garble-manifest", "manifest.json is unreadable" },
        { "extra-file", "file 'stray.txt' is not in the manifest" },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void Damage_IsDetectedWarnedAndRebuilt(string damage, string expectedProblem)
    {
        Damage(damage);

        Assert.False(_cache.List().Single().Valid);
        var calls = 0;
        var rebuilt = _cache.GetOrCreate(_key, CacheFixtures.Info(), dir =>
        {
            calls++;
            CacheFixtures.Produce(dir);
        });

        Assert.Equal(1, calls);
        Assert.Equal(CacheOutcome.Built, rebuilt.Outcome);
        var warning = Assert.Single(_warnings);
        Assert.Contains(_key.ToString(), warning, StringComparison.Ordinal);
        Assert.Contains(expectedProblem, warning, StringComparison.Ordinal);
        Assert.True(_cache.TryOpen(_key, out _));
        Assert.Equal([_key.Hash], Directory.EnumerateFileSystemEntries(Path.Combine(_root.Path, "train")).Select(Path.GetFileName));
    }

    [Fact]
    public void TryOpen_Damaged_RemovesEntry()
    {
        Damage("flip-byte");
        Assert.False(_cache.TryOpen(_key, out _));
        Assert.False(Directory.Exists(_entry.Folder));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_root.Path, "train")));
    }

    [Fact]
    public void TryOpen_ManifestOfAnotherKey_Rejected()
    {
        var other = CacheFixtures.Key(seed: 7);
        Directory.Move(_entry.Folder, _cache.EntryFolder(other));
        Assert.False(_cache.TryOpen(other, out _));
        Assert.Contains("manifest.json names train/", Assert.Single(_warnings), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void GivenAnEntryVerifiedInThisProcess_WhenDamagedAfterwards_ThenTheNextOpenStillCatchesIt(string damage, string expectedProblem)
    {
        Settle();
        Assert.True(_cache.TryOpen(_key, out _));

        Damage(damage);

        Assert.False(_cache.TryOpen(_key, out _));
        Assert.Contains(expectedProblem, Assert.Single(_warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAFreshEntry_WhenRewrittenWithItsSizeAndTime_ThenTheSameProcessStillCatchesIt()
    {
        // Built a moment ago: its files' times could not tell a rewrite in the same clock tick, so it is re-hashed.
        Assert.True(_cache.TryOpen(_key, out _));
        var weights = _entry.PathOf("model/weights.bin");
        var time = File.GetLastWriteTimeUtc(weights);
        var bytes = File.ReadAllBytes(weights);
        bytes[3] ^= 0xFF;
        File.WriteAllBytes(weights, bytes);
        File.SetLastWriteTimeUtc(weights, time);

        Assert.False(_cache.TryOpen(_key, out _));
    }

    [Fact]
    public void GivenAnEntryVerifiedInThisProcess_WhenRewrittenWithItsSizeAndTime_ThenOnlyANewProcessRehashesIt()
    {
        Settle();
        Assert.True(_cache.TryOpen(_key, out _));
        var weights = _entry.PathOf("model/weights.bin");
        var time = File.GetLastWriteTimeUtc(weights);
        var bytes = File.ReadAllBytes(weights);
        bytes[3] ^= 0xFF;
        File.WriteAllBytes(weights, bytes);
        File.SetLastWriteTimeUtc(weights, time);

        // Verified once per process: the same cache takes it as verified, a fresh one (the next run) re-hashes it.
        Assert.True(_cache.TryOpen(_key, out _));
        Assert.False(new StageCache(_root.Path, _warnings.Add).TryOpen(_key, out _));
        Assert.Contains("has SHA-256", Assert.Single(_warnings), StringComparison.Ordinal);
    }

    /// <summary>Dates the entry's files an hour back, as an entry built by an earlier run.</summary>
    private void Settle()
    {
        foreach (var file in Directory.EnumerateFiles(_entry.Folder, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));
        }
    }

    private void Damage(string how)
    {
        var weights = _entry.PathOf("model/weights.bin");
        var manifest = _entry.PathOf(CacheManifest.FileName);
        switch (how)
        {
            case "truncate":
                using (var stream = File.OpenWrite(weights))
                {
                    stream.SetLength(4);
                }
                break;
            case "flip-byte":
                var bytes = File.ReadAllBytes(weights);
                bytes[3] ^= 0xFF;
                File.WriteAllBytes(weights, bytes);
                break;
            case "delete-file": File.Delete(weights); break;
            case "delete-manifest": File.Delete(manifest); break;
            case "garble-manifest": File.WriteAllText(manifest, "{\"schema\": 1, \"files\": ["); break;
            case "extra-file": File.WriteAllText(_entry.PathOf("stray.txt"), "x"); break;
            default: throw new ArgumentOutOfRangeException(nameof(how));
        }
    }
}
