namespace Streetcar.Train.Training;

/// <summary>Which code computes a training run's steps and per-epoch validation (the progress lines say which).</summary>
public enum TrainingPath
{
    /// <summary>libtorch's autograd: forward, backward and <see cref="PlainSgd"/> per batch, validation through <c>model.forward</c>.</summary>
    Autograd,

    /// <summary><see cref="Model.FusedTrainingStep"/>: managed forward, backward and SGD, and its own validation pass.</summary>
    Managed,
}
