using Streetcar.Core.Config;
using Streetcar.Core.Json;
using Streetcar.Train.Model;
using Streetcar.Train.Training;

namespace Streetcar.Train.Tests.Saving;

/// <summary>
/// The files of a model folder write config enums as the texts they held when they were strings, so model
/// folders saved before typed config load, and new ones are byte-identical to them.
/// </summary>
public sealed class ModelFolderWireFormTests
{
    [Fact]
    public void Architecture_WritesTheActivationAsItsConfigText_AndReadsItBack()
    {
        var architecture = new ModelArchitecture(["a"], [3], 10, [], Activation.HardSigmoid, 0.0003, ModelForm.Fused);

        var json = StableJson.Serialize(architecture);

        Assert.Contains("\"activation\": \"hard_sigmoid\",", json);
        Assert.Equal(architecture.Activation, StableJson.Deserialize<ModelArchitecture>(json).Activation);
    }

    [Fact]
    public void History_WritesMonitorAndModeAsTheirConfigTexts_AndReadsThemBack()
    {
        var history = new TrainingHistory("e", [new EpochRecord(1, 0.5, 0.5, 0.5, 0.5)], MonitorMetric.ValAccuracy, MonitorMode.Max,
            true, 1, null, ChosenModel.BestCheckpoint, 1, 2);

        var json = StableJson.Serialize(history);

        Assert.Contains("\"monitor\": \"val_accuracy\",\n  \"mode\": \"max\",", json);
        var back = StableJson.Deserialize<TrainingHistory>(json);
        Assert.Equal((MonitorMetric.ValAccuracy, MonitorMode.Max), (back.Monitor, back.Mode));
    }

    [Fact]
    public void ResolvedConfig_WritesEnumsAsText_AndRefusesNumbers()
    {
        var json = ExperimentConfigJson.Resolved(new ExperimentConfig { Weighting = ClassWeighting.Balanced });

        Assert.Contains("\"weighting\": \"balanced\"", json);
        Assert.Contains("\"output_activation\": \"hard_sigmoid\"", json);
        Assert.Contains("\"loss\": \"binary_crossentropy\"", json);
        Assert.Equal(ClassWeighting.Balanced, ExperimentConfigJson.Parse(json).Weighting);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => ExperimentConfigJson.Parse(json.Replace("\"balanced\"", "1")));
    }
}
