using Streetcar.Core.Cache;
using Streetcar.Core.Data;
using Streetcar.Prepare.Output;

namespace Streetcar.Cli.Pipeline;

/// <summary>A Prepare output (the "split" cache entry): encoded train/valid/test splits, encoders, summary.</summary>
public sealed record PreparedData(CacheKey Key, string Folder)
{
    public EncodedSplit Read(string file) => EncodedSplitFile.Read(Path.Combine(Folder, file));

    public IReadOnlyList<ColumnEncoder> Encoders() => EncodersFile.Read(Path.Combine(Folder, PreparedLayout.Encoders));

    public DataSummary Summary() => SummaryJson.FromJson(File.ReadAllText(Path.Combine(Folder, PreparedLayout.Summary)));
}
