namespace Streetcar.Evaluate;

/// <summary>The Evaluate stage.</summary>
public static class EvaluateStage
{
    /// <summary>Version of the stage's logic; part of every Evaluate cache key.</summary>
    public const int Version = 1;
}
