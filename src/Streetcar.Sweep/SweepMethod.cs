namespace Streetcar.Sweep;

/// <summary>YAML <c>method</c>: how a sweep picks its points from the search space.</summary>
public enum SweepMethod
{
    /// <summary><c>grid</c>: every combination of the listed values (the book's grid search).</summary>
    Grid,

    /// <summary><c>random</c>: <c>samples</c> distinct combinations drawn with <c>seed</c> (Bergstra and Bengio 2012).</summary>
    Random,
}
