using Streetcar.Prepare.Clean;
using Streetcar.Prepare.Config;
using Streetcar.Prepare.Encode;
using Streetcar.Prepare.Reshape;

namespace Streetcar.Prepare.Output;

/// <summary>
/// The data summary of a Prepare run (<c>summary.json</c>): sources, the config, and every figure of ingest, clean,
/// reshape, encode and (once split) split, and the raw data's vintage. Nothing machine- or time-dependent is in it.
/// </summary>
public sealed record DataSummary(
    int StageVersion,
    IReadOnlyList<SourceWorkbook> Sources,
    bool NewVintageAccepted,
    PrepareConfig Config,
    IngestSummary Ingest,
    CleanStats Clean,
    ReshapeStats Reshape,
    IReadOnlyDictionary<string, int> Cardinalities,
    SplitSummary? Split = null,
    DataVintage? Vintage = null);
