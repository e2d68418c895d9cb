using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Core.Errors;

namespace Streetcar.Train.Training;

/// <summary>Keras <c>class_weight</c>: the factor of each sample's loss by its label.</summary>
/// <param name="Zero">Weight of label 0 (no delay).</param>
/// <param name="One">Weight of label 1 (delay).</param>
public sealed record ClassWeights(double Zero, double One)
{
    /// <summary>
    /// <c>weighting: none</c> gives (zero_weight, 1); <c>balanced</c> gives (zero_weight,
    /// count_no_delay / count_delay + one_weight_offset) counted on <paramref name="train"/>.
    /// </summary>
    public static ClassWeights From(ExperimentConfig config, EncodedSplit train)
    {
        if (config.Weighting != ClassWeighting.Balanced)
        {
            return new ClassWeights(config.ZeroWeight, 1.0);
        }
        var delays = train.Positives;
        if (delays == 0)
        {
            throw new DataException($"{train.Name}: no delays in the training split, balanced weighting is undefined");
        }
        var one = (double)(train.Rows - delays) / delays + config.OneWeightOffset;
        if (!(one > 0))
        {
            throw new ConfigException(config.Name, "one_weight_offset", $"makes the delay weight {one}, which must be > 0");
        }
        return new ClassWeights(config.ZeroWeight, one);
    }
}
