namespace Streetcar.Train.Training;

/// <summary>A callback's answer at the end of an epoch.</summary>
public enum EpochVerdict
{
    /// <summary>Go on training.</summary>
    Continue,

    /// <summary>Stop after this epoch.</summary>
    Stop,
}
