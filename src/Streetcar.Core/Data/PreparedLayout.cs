namespace Streetcar.Core.Data;

/// <summary>File names inside a Prepare output folder (a stage cache entry).</summary>
public static class PreparedLayout
{
    public const string Train = "train.bin";
    public const string Valid = "valid.bin";
    public const string Test = "test.bin";
    /// <summary>JSON array of <see cref="ColumnEncoder"/>, in <see cref="FeatureColumns.All"/> order.</summary>
    public const string Encoders = "encoders.json";
    /// <summary>The data summary: counts, quirks and source hashes (JSON).</summary>
    public const string Summary = "summary.json";
}
