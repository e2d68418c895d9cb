using Streetcar.Core.Config;
using Streetcar.Train.Model;
using Streetcar.Train.Training;
using Streetcar.Train.Trajectories;

namespace Streetcar.Train.Tests.Trajectories;

/// <summary>
/// A trajectory job stopped part way (a kill, a time limit) and run again on its folder continues from its last
/// recorded epoch, and leaves every file byte-identical to an uninterrupted run's, on both training paths (the
/// managed fused step and libtorch's autograd), with dropout, batch norm and class weights in play.
/// </summary>
public sealed class InterruptedTrajectoryTests : IDisposable
{
    /// <summary>Long enough for one record (<see cref="ProgressCheckpoint.Interval"/>) and epochs after it.</summary>
    private const int Epochs = ProgressCheckpoint.Interval + 4;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<ModelForm, int[]> Paths => new()
    {
        { ModelForm.Fused, [] },
        { ModelForm.Fused, [8] },
        { ModelForm.PerColumn, [] },
        { ModelForm.PerColumn, [8] },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void Run_StoppedInTheMiddleOfAnEpoch_ThenRunAgain_IsByteIdenticalToAnUninterruptedRun(ModelForm form, int[] hidden)
    {
        var config = TestData.Config(Epochs) with { Weighting = ClassWeighting.Balanced, DropoutRate = 0.05, HiddenLayers = hidden };
        TrajectoryInput Input(string folder) =>
            new TrajectoryInput(config, TestData.Train(), TestData.Valid(), TestData.Encoders, Epochs, _ => false, folder) { Form = form };
        var whole = _temp.Sub("whole");
        var resumed = _temp.Sub("resumed");
        TrajectoryStage.Run(Input(whole));

        var trained = new List<int>();
        // Killed in the second epoch after the record: one epoch's weights written past it, the next cut short.
        Assert.Throws<SimulatedKill>(() => TrajectoryStage.Run(Input(resumed) with { Observers = [new KillAt(epoch: ProgressCheckpoint.Interval + 2, batch: 3)] }));
        Assert.Equal(ProgressCheckpoint.Interval, TrajectoryStage.Read(resumed).Epochs.Count);
        // What a SIGKILL can leave besides: a half-written record and the next epoch's weights being saved.
        File.WriteAllText(Path.Combine(resumed, TrajectoryLayout.History + ".partial"), "{\"Epo");
        File.WriteAllBytes(Path.Combine(resumed, TrajectoryLayout.EpochWeights(ProgressCheckpoint.Interval + 2)), [1, 2, 3]);

        var history = TrajectoryStage.Run(Input(resumed) with { Observers = [new EpochsSeen(trained)] });

        Assert.Equal(Enumerable.Range(ProgressCheckpoint.Interval + 1, 4), trained); // resumed, not retrained from epoch 1
        Assert.Equal(Epochs, history.Epochs.Count);
        SharedTrajectoryTests.AssertSameFiles(whole, resumed);
    }

    [Fact]
    public void Run_RecordOfAnotherTrajectoryInTheFolder_IsNotResumed()
    {
        const int epochs = ProgressCheckpoint.Interval + 1;
        var config = TestData.Config(epochs) with { Weighting = ClassWeighting.Balanced };
        TrajectoryInput Input(ExperimentConfig c, string folder) => new(c, TestData.Train(), TestData.Valid(), TestData.Encoders, epochs, _ => false, folder);
        var folder = _temp.Sub("t");
        var whole = _temp.Sub("whole");
        Assert.Throws<SimulatedKill>(() => TrajectoryStage.Run(Input(config with { Weighting = ClassWeighting.None }, folder) with { Observers = [new KillAt(epoch: epochs, batch: 1)] }));
        Assert.Equal(ProgressCheckpoint.Interval, TrajectoryStage.Read(folder).Epochs.Count);
        var trained = new List<int>();

        TrajectoryStage.Run(Input(config, folder) with { Observers = [new EpochsSeen(trained)] });
        TrajectoryStage.Run(Input(config, whole));

        Assert.Equal(Enumerable.Range(1, epochs), trained);
        SharedTrajectoryTests.AssertSameFiles(whole, folder);
    }

    private sealed class SimulatedKill : Exception;

    private sealed class KillAt(int epoch, int batch) : ITrainingCallback
    {
        public void OnBatchEnd(int e, int b)
        {
            if (e == epoch && b == batch)
            {
                throw new SimulatedKill();
            }
        }

        public EpochVerdict OnEpochEnd(EpochRecord record) => EpochVerdict.Continue;
    }

    private sealed class EpochsSeen(List<int> epochs) : ITrainingCallback
    {
        public EpochVerdict OnEpochEnd(EpochRecord record)
        {
            epochs.Add(record.Epoch);
            return EpochVerdict.Continue;
        }
    }
}
