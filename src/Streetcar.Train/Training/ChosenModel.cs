namespace Streetcar.Train.Training;

/// <summary>Which weights the saved (and evaluated) model holds.</summary>
public enum ChosenModel
{
    /// <summary>The weights after the last epoch run (early stopping off, as in the book).</summary>
    Final,

    /// <summary>The best epoch on the monitor (early stopping on, as in the book).</summary>
    BestCheckpoint,
}
