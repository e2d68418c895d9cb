namespace Streetcar.Report;

/// <summary>The Report stage.</summary>
public static class ReportStage
{
    /// <summary>Version of the stage's logic; part of every Report cache key.</summary>
    public const int Version = 1;
}
