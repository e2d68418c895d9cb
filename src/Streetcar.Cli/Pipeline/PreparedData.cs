using System.Collections.Concurrent;
using Streetcar.Core.Cache;
using Streetcar.Core.Data;
using Streetcar.Prepare.Output;

namespace Streetcar.Cli.Pipeline;

/// <summary>A Prepare output (the "split" cache entry): encoded train/valid/test splits, encoders, summary.</summary>
public sealed record PreparedData(CacheKey Key, string Folder)
{
    // Read once per run and shared: jobs running side by side on the same split need one copy, not one each.
    private readonly ConcurrentDictionary<string, Lazy<EncodedSplit>> _splits = new(StringComparer.Ordinal);

    public EncodedSplit Read(string file) =>
        _splits.GetOrAdd(file, f => new Lazy<EncodedSplit>(() => EncodedSplitFile.Read(Path.Combine(Folder, f)))).Value;

    public IReadOnlyList<ColumnEncoder> Encoders() => EncodersFile.Read(Path.Combine(Folder, PreparedLayout.Encoders));

    public DataSummary Summary() => SummaryJson.FromJson(File.ReadAllText(Path.Combine(Folder, PreparedLayout.Summary)));
}
