using Streetcar.Core.Data;
using Streetcar.Train;
using Streetcar.Train.Inference;
using Streetcar.Train.Saving;
using TorchSharp;

namespace Streetcar.Score;

/// <summary>
/// Scores described trips with one saved model folder, loaded once. Probabilities come from
/// <see cref="Predictor.Predict"/>, the same path the Evaluate stage takes, so a trip scores exactly as its
/// row of a split does.
/// </summary>
public sealed class Scorer : IDisposable
{
    private readonly SavedModel _saved;

    private Scorer(SavedModel saved, UnseenYearPolicy years)
    {
        _saved = saved;
        Encoder = new TripEncoder(saved.Model.Architecture.Columns, saved.Encoders, years);
    }

    /// <summary>Turns trips into the model's codes.</summary>
    public TripEncoder Encoder { get; }

    /// <summary>The experiment the model was trained for (config <c>name</c>).</summary>
    public string Experiment => _saved.Config.Name;

    /// <summary>Decision threshold of the experiment: a probability at or above it predicts a delay.</summary>
    public double Threshold => _saved.Config.Threshold.Choice == Core.Config.ThresholdChoice.Fixed
        ? _saved.Config.Threshold.Value!.Value
        : throw new Core.Errors.PipelineException($"the threshold rule {_saved.Config.Threshold} is chosen on the validation split by Evaluate; score through --experiment once it is evaluated");

    /// <summary>The loaded model folder (model, encoders, config, history).</summary>
    public SavedModel Model => _saved;

    /// <summary>
    /// Starts libtorch (pins the CPU kernel family, loads the native library). <see cref="Load"/> does it too;
    /// calling it first lets a caller time the process's one-off start-up apart from the model load.
    /// </summary>
    public static void StartTorch()
    {
        TorchRuntime.PinCpuCapability();
        torch.InitializeDeviceType(DeviceType.CPU);
    }

    /// <summary>
    /// Loads the model folder <paramref name="folder"/> (weights, architecture, encoders, config), and runs
    /// libtorch with the experiment's thread count and the pinned CPU kernel family, as training does.
    /// </summary>
    public static Scorer Load(string folder, UnseenYearPolicy years = UnseenYearPolicy.Error)
    {
        StartTorch();
        var saved = ModelFolder.Load(folder); // also pins the experiment's thread count
        return new Scorer(saved, years);
    }

    /// <summary>Scores one trip.</summary>
    public TripScore Score(TripDescription trip) => Score([trip])[0];

    /// <summary>Scores <paramref name="trips"/> in one forward pass (callers chunk large inputs).</summary>
    public IReadOnlyList<TripScore> Score(IReadOnlyList<TripDescription> trips)
    {
        var encoded = trips.Select(Encoder.Encode).ToArray();
        var probabilities = Predict(encoded);
        return encoded.Select((e, i) => new TripScore(e.Trip, probabilities[i], Threshold, probabilities[i] >= Threshold, e)).ToArray();
    }

    /// <summary>
    /// Rows of every forward pass are padded up to a multiple of this. libtorch's CPU matrix kernels take another
    /// summation path for a single row and for a tail of rows that does not fill a vector block, which moves the
    /// probability by an ulp or two. Evaluate scores in chunks of 65,536 rows (a multiple of this), so padding
    /// keeps each trip on the path its row takes there, and its probability is bit for bit Evaluate's.
    /// </summary>
    public const int RowBlock = 64;

    /// <summary>Probabilities of already encoded trips, in order.</summary>
    public float[] Predict(IReadOnlyList<EncodedTrip> trips)
    {
        var columns = Encoder.Columns;
        var padded = Math.Max(1, (trips.Count + RowBlock - 1) / RowBlock) * RowBlock;
        var codes = new int[columns.Count][];
        for (var c = 0; c < codes.Length; c++)
        {
            // Padding rows keep code 0, which every encoder has.
            codes[c] = new int[padded];
            for (var r = 0; r < trips.Count; r++)
            {
                codes[c][r] = trips[r].Inputs[c].Code;
            }
        }
        var split = new EncodedSplit("scoring", columns, codes, new byte[padded]);
        return Predictor.Predict(_saved.Model, split)[..trips.Count];
    }

    /// <inheritdoc/>
    public void Dispose() => _saved.Dispose();
}
