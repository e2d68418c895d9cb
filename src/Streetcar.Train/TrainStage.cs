namespace Streetcar.Train;

/// <summary>The Train stage: fits one experiment's model on the prepared splits.</summary>
public static class TrainStage
{
    /// <summary>Version of the stage's logic; part of every Train cache key.</summary>
    public const int Version = 1;
}
