namespace Streetcar.Boosting;

/// <summary>
/// One row as ML.NET reads it (<see cref="SplitDataView"/>): the seven feature keys by position, renamed to
/// the feature columns by the view's schema, and the label. Public because ML.NET binds it by reflection.
/// </summary>
public sealed class SplitRow
{
    /// <summary>Number of feature columns (<see cref="Core.Data.FeatureColumns.All"/>).</summary>
    public const int Features = 7;

    public uint C0 { get; set; }
    public uint C1 { get; set; }
    public uint C2 { get; set; }
    public uint C3 { get; set; }
    public uint C4 { get; set; }
    public uint C5 { get; set; }
    public uint C6 { get; set; }
    public bool Label { get; set; }
}
