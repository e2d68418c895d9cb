namespace Streetcar.Core.Config;

/// <summary>How an experiment's decision threshold is set (config <c>threshold</c>).</summary>
public enum ThresholdChoice
{
    /// <summary>A number given in the config, in (0, 1).</summary>
    Fixed,

    /// <summary>The highest threshold whose validation recall reaches a target in (0, 1].</summary>
    TargetRecall,

    /// <summary>The threshold of the highest validation F1.</summary>
    MaxF1,

    /// <summary>The threshold of the highest Youden's J (recall − false-positive rate) on validation.</summary>
    Youden,
}
