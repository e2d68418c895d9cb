namespace Streetcar.Prepare;

/// <summary>The Prepare stage.</summary>
public static class PrepareStage
{
    /// <summary>Version of the stage's logic; part of every Prepare cache key.</summary>
    public const int Version = 1;
}
