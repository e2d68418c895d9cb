using Streetcar.Core.Config;
using Streetcar.Core.Data;
using Streetcar.Train;
using Streetcar.Train.Training;

namespace Streetcar.Score.Tests;

/// <summary>One tiny model trained on <see cref="TripData"/> and saved, shared by every test (a collection fixture).</summary>
public sealed class TinyModel : IDisposable
{
    private readonly TempFolder _temp = new();

    public TinyModel()
    {
        Folder = _temp.Sub("model");
        Test = TripData.Split("test", 400, 3);
        var config = new ExperimentConfig
        {
            Name = "tiny",
            Epochs = 2,
            BatchSize = 100,
            LearningRate = 0.01,
            HiddenLayers = [8],
            Threshold = ThresholdRule.Fixed(0.3),
        };
        var input = new TrainInput(config, TripData.Split("train", 2_000, 1), TripData.Split("valid", 400, 2), TripData.Encoders, Folder);
        using var result = TrainStage.Run(input);
    }

    /// <summary>The saved model folder.</summary>
    public string Folder { get; }

    /// <summary>A split the model never saw.</summary>
    public EncodedSplit Test { get; }

    public void Dispose() => _temp.Dispose();
}
