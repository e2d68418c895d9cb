using Streetcar.Core.Cache;

namespace Streetcar.Core.Tests.Cache;

/// <summary>Keys, infos and producers shared by the cache tests.</summary>
internal static class CacheFixtures
{
    public static CacheKey Key(string stage = "train", int seed = 42) =>
        CacheKeyBuilder.For(stage, 1).Param("seed", seed).Build();

    public static CacheEntryInfo Info(string config = "exp-a") => new(config, "test entry");

    /// <summary>Writes two files, one in a sub-folder; the same bytes every time.</summary>
    public static void Produce(string folder)
    {
        File.WriteAllText(System.IO.Path.Combine(folder, "metrics.json"), "{\"loss\":0.25}\n");
        Directory.CreateDirectory(System.IO.Path.Combine(folder, "model"));
        File.WriteAllBytes(System.IO.Path.Combine(folder, "model", "weights.bin"), [1, 2, 3, 4, 5, 6, 7, 8]);
    }

    /// <summary>Non-dot folders and files under a stage folder, relative, for "nothing left behind" checks.</summary>
    public static string[] Leftovers(string root) =>
        Directory.Exists(root)
            ? Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
                .Select(p => System.IO.Path.GetRelativePath(root, p))
                .Where(p => !p.StartsWith(".lock", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToArray()
            : [];
}
