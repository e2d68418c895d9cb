namespace Streetcar.Core.Config;

/// <summary>How the boosting model weighs the rare positive (delay) rows against the negatives.</summary>
public enum PositiveWeighting
{
    /// <summary>Every row weighs 1; probabilities stay close to the observed delay rate.</summary>
    None,

    /// <summary>
    /// Positives weigh negatives / positives of the training split (LightGBM's <c>scale_pos_weight</c>), so
    /// both classes weigh the same in total: the network's <c>weighting: balanced</c>.
    /// </summary>
    Balanced,
}
