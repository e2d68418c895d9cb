using Streetcar.Core.Cache;
using Streetcar.Core.Config;
using Streetcar.Pipeline.Stages;

namespace Streetcar.Cli.Models;

/// <summary>
/// A model kind as a plug-in (<c>model:</c> in an experiment): the stages that turn a split into its model folder,
/// how that folder is loaded and read back, and how the report describes it. Everything else (split, evaluate,
/// report, score) is shared; a new kind is a folder of its own plus one line in <see cref="ModelKinds.All"/>.
/// </summary>
public interface IModelKind
{
    ModelKind Kind { get; }

    /// <summary>
    /// Its stages after the split, in flow order; the last one is named "train" and writes the model folder
    /// (evaluate reads it), the others read the split ("prepared") or an earlier one of these.
    /// </summary>
    IReadOnlyList<IStage> Stages { get; }

    /// <summary>CPU threads its training and scoring use.</summary>
    int Threads(ExperimentConfig config);

    /// <summary>The training budget the report's table shows: epochs, or a boosting model's iterations.</summary>
    int Budget(ExperimentConfig config);

    /// <summary>The experiment's changes in the words of the book's comparison table (the threshold rule is added by the caller).</summary>
    string Changes(ExperimentConfig config);

    /// <summary>Whether <paramref name="folder"/> is a model folder of this kind.</summary>
    bool Holds(string folder);

    /// <summary>Loads the model folder for scoring splits.</summary>
    ModelPredictor Load(string folder);

    /// <summary>What the report and the serving-repeat rule read of its train entry.</summary>
    Pipeline.TrainedModel Read(CacheEntry entry);
}
