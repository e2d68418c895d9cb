using Streetcar.Boosting;
using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Core.Errors;
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
    private readonly SavedModel? _saved;
    private readonly BoostedModel? _boosted;
    private readonly double? _threshold;

    private Scorer(SavedModel? saved, BoostedModel? boosted, UnseenYearPolicy years, double? threshold)
    {
        _saved = saved;
        _boosted = boosted;
        _threshold = threshold;
        var columns = saved is not null ? saved.Model.Architecture.Columns : boosted!.Encoders.Select(e => e.Column).ToArray();
        Encoder = new TripEncoder(columns, saved?.Encoders ?? boosted!.Encoders, years);
    }

    /// <summary>Turns trips into the model's codes.</summary>
    public TripEncoder Encoder { get; }

    /// <summary>The experiment the model was trained for (config <c>name</c>); a boosting folder does not record it.</summary>
    public string Experiment => _saved?.Config.Name ?? $"{BoostingModelFolderLayout.KindText} model";

    /// <summary>
    /// Decision threshold: a probability at or above it predicts a delay. The one given to <see cref="Load"/> (the
    /// experiment's, as Evaluate chose it), else a network folder's fixed <c>threshold</c>.
    /// </summary>
    /// <exception cref="PipelineException">No threshold was given and the folder has no fixed one.</exception>
    public double Threshold => _threshold
        ?? (_saved?.Config.Threshold is { Choice: ThresholdChoice.Fixed, Value: { } fixedValue } ? fixedValue
            : throw new PipelineException(_saved is null
                ? "a boosting model folder holds no threshold (it is Evaluate's choice): score through --experiment once it is evaluated"
                : $"the threshold rule {_saved.Config.Threshold} is chosen on the validation split by Evaluate; score through --experiment once it is evaluated"));

    /// <summary>The loaded network model folder (model, encoders, config, history).</summary>
    /// <exception cref="InvalidOperationException">The folder holds a boosting model.</exception>
    public SavedModel Model => _saved ?? throw new InvalidOperationException("a boosting model folder has no network model");

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
    /// Loads the model folder <paramref name="folder"/> of either kind (its kind marker tells which). A network's
    /// weights, architecture, encoders and config run on libtorch with the experiment's thread count and the pinned
    /// CPU kernel family, as training does; a boosting folder loads its ML.NET model. <paramref name="threshold"/>,
    /// when given, is the one Evaluate chose for the experiment.
    /// </summary>
    public static Scorer Load(string folder, UnseenYearPolicy years = UnseenYearPolicy.Error, double? threshold = null)
    {
        if (BoostingModelFolderLayout.IsBoosting(folder))
        {
            return new Scorer(null, BoostingModelFolder.Load(folder), years, threshold);
        }
        StartTorch();
        var saved = ModelFolder.Load(folder); // also pins the experiment's thread count
        return new Scorer(saved, null, years, threshold);
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
        // Padding rows are scored and dropped: harmless for the trees, needed for the network (see RowBlock).
        return (_boosted is not null ? _boosted.Predict(split) : Predictor.Predict(_saved!.Model, split))[..trips.Count];
    }

    /// <inheritdoc/>
    public void Dispose() => _saved?.Dispose();
}
